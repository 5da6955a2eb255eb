/**
 * The openapi-fetch behaviour src/internal/transport.ts relies on, pinned: if an openapi-fetch upgrade changes
 * any of it, a test here fails before a call goes wrong.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import createClient from "openapi-fetch";
import { createTransport, OutgoingRequest } from "../src/internal/transport.ts";

test("openapi-fetch builds the request with the Request class it is given, as (url, init), and hands that object to fetch", async () => {
  const seen: unknown[] = [];
  const transport = createTransport("https://api.example.test", () => async (url, init) => {
    seen.push({ url, method: init.method, body: init.body, contentType: new Headers(init.headers).get("content-type"), redirect: init.redirect, keepalive: init.keepalive });
    return new Response('{"ok":true}', { status: 200 });
  }, 1024);
  const signal = new AbortController().signal;
  const received = await transport("POST", "/v1/b2b/otps/sms/send", { body: { a: 1 }, headers: { "Content-Type": "application/json" }, redirect: "manual", signal, keepalive: true });
  assert.deepEqual(seen, [{ url: "https://api.example.test/v1/b2b/otps/sms/send", method: "POST", body: '{"a":1}', contentType: "application/json", redirect: "manual", keepalive: true }]);
  assert.equal(received.text, '{"ok":true}');
  assert.equal(received.response.status, 200);
});

test("openapi-fetch passes its Request option's instance to a per-request fetch", async () => {
  let request: unknown;
  const client = createClient<Record<string, never>>({ baseUrl: "https://api.example.test", Request: OutgoingRequest as unknown as typeof Request });
  await (client.request as (m: string, p: string, i: object) => Promise<unknown>)("POST", "/x", {
    body: {},
    fetch: async (r: unknown) => {
      request = r;
      return new Response(null, { status: 204 });
    },
  });
  assert.ok(request instanceof OutgoingRequest);
  assert.equal((request as OutgoingRequest).url, "https://api.example.test/x");
});

test("openapi-fetch returns at once for a 204 without touching its body (the transport has read the real one)", async () => {
  const touched: string[] = [];
  const answer = new Response(null, { status: 204 });
  const watched = new Proxy(answer, {
    get(target, key) {
      if (typeof key === "string" && ["body", "text", "json", "arrayBuffer", "blob", "formData", "clone"].includes(key)) touched.push(key);
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const client = createClient<Record<string, never>>({ baseUrl: "https://api.example.test", Request: OutgoingRequest as unknown as typeof Request });
  const result = await (client.request as (m: string, p: string, i: object) => Promise<{ response: Response }>)("POST", "/x", { body: {}, fetch: async () => watched });
  assert.deepEqual(touched, []);
  assert.equal(result.response, watched);
});

test("query and path parameters are serialised by openapi-fetch's defaults, not dropped", async () => {
  const urls: string[] = [];
  const transport = createTransport("https://api.example.test", () => async (url) => {
    urls.push(url);
    return new Response("{}", { status: 200 });
  }, 1024);
  const init = { body: {}, params: { path: { id: "m 1" }, query: { expand: "member", page: 2 } } };
  await transport("POST", "/v1/things/{id}", init as never);
  assert.deepEqual(urls, ["https://api.example.test/v1/things/m%201?expand=member&page=2"]);
});

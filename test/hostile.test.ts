/**
 * Fault suite, part two: servers that misbehave on purpose. Malformed answers that echo the request, content
 * codings that inflate without end, invalid Retry-After values, JSON nested beyond any stack, statuses outside
 * 200–599 and media types in odd case. Each case checks the error class, the status, the time taken, the
 * requests received and that nothing reachable from the error holds the credentials.
 */
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { describe, test } from "node:test";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { createStytchB2BClient, StytchApiError, StytchConnectionError, StytchDecodeError, StytchResponseValidationError } from "../src/index.ts";
import { parseRetryAfter } from "../src/internal/retry-after.ts";
import { errorBody } from "./support/bodies.ts";
import { assertNoSecret, AUTHORIZATION, CREDENTIAL, OPERATIONS, PROJECT, run as runCase, SECRET, type Case } from "./support/fault-case.ts";
import { startServer } from "./support/servers.ts";

const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);

/** The request, headers and all, squeezed onto one line so that it fits where the answer puts it. */
const echo = (request: string) => request.replaceAll("\r\n", " | ");

test("the parser takes delta-seconds and the three HTTP-date forms, and nothing else", () => {
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  assert.equal(parseRetryAfter("7", now), 7_000);
  assert.equal(parseRetryAfter(" 0 ", now), 0);
  assert.equal(parseRetryAfter("Mon, 30 Nov 2026 12:00:05 GMT", now), 5_000);
  assert.equal(parseRetryAfter("Monday, 30-Nov-26 12:00:05 GMT", now), 5_000);
  assert.equal(parseRetryAfter("Mon Nov 30 12:00:05 2026", now), 5_000);
  assert.equal(parseRetryAfter("Sun Nov  6 08:49:37 1994", now), 0);
  for (const invalid of ["-1", "+5", "1.5", "1e3", "0x10", "5s", "", "soon", "Mon, 30 Nov 2026", "2026-11-30T12:00:05Z", "Mon, 31 Feb 2026 12:00:05 GMT", "Mon, 30 Nov 2026 25:00:05 GMT", "Mon, 30 Nov 2026 12:00:05 UTC", "30 Nov 2026 12:00:05 GMT", "1, 2"]) {
    assert.equal(parseRetryAfter(invalid, now), undefined, JSON.stringify(invalid));
  }
  assert.equal(parseRetryAfter(null, now), undefined);
});

// Every operation keeps every guarantee: the whole suite runs once per operation, with its own default retry
// policy (an idempotent operation retries a 5xx and a lost connection twice: 3 requests).
for (const operation of OPERATIONS) describe(operation.name, () => {
  const run = (c: Case) => runCase({ call: operation.call, ...c, options: { ...operation.clientOptions, ...c.options } });
  const SUCCESS_BODY = operation.success;
  const { responseValidator } = operation;
  /** Requests made for a failure Stytch may have acted on (a 5xx, a lost connection): retried twice only when idempotent. */
  const maybeDone = operation.idempotent ? 3 : 1;
  const maybeDoneMs = (ms: number) => (operation.idempotent ? ms + 1_500 : ms);

  describe("the runtime's parser refuses an answer that echoes the request: no credential in the error", () => {
    const answers: Record<string, (request: string) => string> = {
      "an invalid header name": (r) => `HTTP/1.1 200 OK\r\nX-Echo(${echo(r)}): 1\r\nContent-Length: 2\r\n\r\n{}`,
      "an invalid Content-Length": (r) => `HTTP/1.1 200 OK\r\nContent-Length: 12x ${echo(r)}\r\n\r\n{}`,
      "two Content-Lengths": (r) => `HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\nX-Echo: ${echo(r)}\r\n\r\n{}`,
      "an invalid status line": (r) => `HTTP/1.1 2x0 ${echo(r)}\r\nContent-Length: 2\r\n\r\n{}`,
      "an invalid HTTP version": (r) => `HTTP/9.9 200 ${echo(r)}\r\n\r\n{}`,
      "an invalid chunk size": (r) => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ ${echo(r)}\r\n`,
      "an invalid chunk size after a first chunk": (r) => `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nQQ ${echo(r)}\r\n`,
    };
    for (const [name, answer] of Object.entries(answers)) {
      test(`${name} → StytchConnectionError (maybe sent), credentials nowhere in it`, async () => {
        const error = await run({ raw: answer, expect: StytchConnectionError, requests: maybeDone, withinMs: maybeDoneMs(2_000) });
        assert.equal((error as StytchConnectionError).maybeSent, true);
        // The runtime's error is kept as the cause (a redacted copy), with its class and code.
        assert.ok((error as Error).cause instanceof Error);
      });
    }

    test("every failure class carries no credential, whatever the server echoes", async () => {
      const echoAll = (status: number, contentType = "application/json") => (r: string) => {
        const body = `{"echo":"${echo(r).replaceAll('"', "'")}"}`;
        return `HTTP/1.1 ${status} X\r\nContent-Type: ${contentType}\r\nX-Echo: ${echo(r)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      };
      const errorEcho = (r: string) => {
        const body = JSON.stringify({ status_code: 400, request_id: AUTHORIZATION, error_type: "echo", error_message: r, error_url: SECRET, error_details: { nested: [{ auth: AUTHORIZATION }] } });
        return `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      };
      const cases = [
        { raw: errorEcho, expect: StytchApiError, requests: 1 },
        { raw: echoAll(502, "text/html"), expect: StytchDecodeError, requests: maybeDone },
        { raw: echoAll(200), expect: StytchDecodeError, requests: 1 },
        { raw: echoAll(200, "text/plain"), expect: StytchDecodeError, requests: 1 },
        { raw: (r: string) => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"x":"${echo(r).slice(0, 30)}`, expect: StytchConnectionError, requests: maybeDone },
        { raw: echoAll(200), expect: StytchDecodeError, options: { validateResponses: responseValidator }, requests: 1 },
      ];
      for (const c of cases) await run({ ...c, withinMs: maybeDoneMs(2_000) });
    });
  });

  describe("maxResponseBytes bounds the decoded bytes, whatever the headers say", () => {
    // 256 MiB of JSON whitespace inflates from about 250 KB of gzip; with a 1 MiB cap no more than that is read.
    const inflated = Buffer.alloc(256 * 1024 * 1024, " ");
    const encodings = {
      gzip: gzipSync(inflated, { level: 9 }),
      deflate: deflateSync(inflated, { level: 9 }),
      br: brotliCompressSync(inflated),
    };
    for (const [encoding, compressed] of Object.entries(encodings)) {
      for (const framing of ["content-length", "chunked"] as const) {
        test(`a ${encoding} bomb (${framing}) → StytchDecodeError at the cap, memory bounded`, async () => {
          const before = process.memoryUsage();
          const error = await run({
            handler: (_req, res) => {
              const headers: Record<string, string> = { "content-type": "application/json", "content-encoding": encoding };
              if (framing === "content-length") headers["content-length"] = String(compressed.length);
              res.writeHead(200, headers).end(compressed);
            },
            expect: StytchDecodeError,
            status: 200,
            requests: 1,
            withinMs: 3_000,
          });
          assert.match((error as Error).message, /maxResponseBytes \(1048576\)/);
          const grown = process.memoryUsage().rss - before.rss;
          assert.ok(grown < 64 * 1024 * 1024, `rss grew by ${Math.round(grown / 1024 / 1024)} MiB`);
        });
      }
    }

    test("the raw openapi-fetch client (client.api) is bounded the same way", async () => {
      const server = await startServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(encodings.gzip));
      try {
        const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url });
        await assert.rejects(operation.api(client), (e) => e instanceof StytchDecodeError && /maxResponseBytes/.test(e.message));
      } finally {
        await server.close();
      }
    });

    test("a body over the cap that ends (chunked) fails at once, never after a test timeout", async () => {
      await run({
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          for (let i = 0; i < 64; i++) res.write("x".repeat(16_384));
          res.end();
        },
        options: { maxResponseBytes: 256 * 1024, timeoutMs: 1_000 },
        expect: StytchDecodeError,
        status: 200,
        requests: 1,
        withinMs: 1_000,
      });
    });
  });

  describe("Retry-After: only RFC 9110 forms count", () => {
    for (const value of ["-1", "+5", "1.5", "2026-11-30T12:00:00Z", "yesterday"]) {
      test(`429 with Retry-After ${JSON.stringify(value)} is ignored: the normal backoff applies`, async () => {
        const times: number[] = [];
        await run({
          handler: (_req, res, n) => {
            times.push(performance.now());
            if (n < 3) json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": value });
            else json(res, 200, SUCCESS_BODY);
          },
          expect: "success",
          requests: 3,
          withinMs: 3_000,
        });
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        // 0.5 s then 1 s, less up to 25 % jitter.
        assert.ok(gaps[0]! >= 360 && gaps[1]! >= 740, `gaps ${gaps.map(Math.round).join(", ")} ms`);
      });
    }
  });

  describe("JSON nested beyond any stack keeps its status and gives a typed error", () => {
    const depth = 100_000;
    const nestedObject = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const nestedArray = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const cases = [
      { status: 400, body: `{"status_code":400,"request_id":"r","error_type":"deep","error_message":"m","error_url":"u","error_details":${nestedObject}}`, expect: StytchApiError },
      { status: 500, body: `{"status_code":500,"request_id":"r","error_type":"deep","error_message":"m","error_url":"u","error_details":${nestedObject}}`, expect: StytchApiError },
      // Lists nested deep inside error_details (copied with a depth bound, not walked by the stack).
      { status: 400, body: `{"status_code":400,"request_id":"r","error_type":"deep","error_message":"m","error_url":"u","error_details":{"list":${nestedArray}}}`, expect: StytchApiError },
      { status: 500, body: `{"status_code":500,"request_id":"r","error_type":"deep","error_message":"m","error_url":"u","error_details":{"list":[{"a":${nestedArray}}]}}`, expect: StytchApiError },
      { status: 500, body: nestedArray, expect: StytchDecodeError },
      { status: 400, body: nestedObject, expect: StytchDecodeError },
      { status: 200, body: nestedArray, expect: StytchDecodeError },
    ];
    for (const c of cases) {
      test(`${c.status} with ${c.body.length.toLocaleString("en")} bytes of nesting → ${c.expect.name} ${c.status}`, async () => {
        const requests = c.status >= 500 ? maybeDone : 1;
        const error = await run({ handler: (_req, res) => json(res, c.status, c.body), expect: c.expect, status: c.status, requests, withinMs: maybeDoneMs(3_000) });
        if (error instanceof StytchApiError) {
          assert.equal(error.error_type, "deep");
          assert.match(JSON.stringify(error.error_details), /nested too deep/);
        }
      });
    }

    test("a deep 200 body that fails validateResponses → StytchResponseValidationError 200", async () => {
      // Deep JSON inside the (first) Member, whose is_admin breaks the schema: the body decodes, validation fails.
      const text = SUCCESS_BODY.replace('"is_admin":false', `"is_admin":"no","deep":${nestedObject}`);
      assert.notEqual(text, SUCCESS_BODY, "the 200 example has a Member");
      const error = await run({ handler: (_req, res) => json(res, 200, text), options: { validateResponses: responseValidator }, expect: StytchResponseValidationError, status: 200, requests: 1, withinMs: 3_000 });
      assert.match((error as Error).message, /is_admin/);
    });
  });

  describe("statuses outside 200–599 keep their status", () => {
    for (const status of [600, 999]) {
      for (const framing of ["content-length", "chunked"] as const) {
        test(`${status} (${framing}) with a Stytch error body → StytchApiError ${status}, not retried`, async () => {
          const body = errorBody(status, "odd_status");
          const error = await run({
            raw: () => {
              const payload = framing === "chunked" ? `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n` : body;
              const length = framing === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${body.length}`;
              return `HTTP/1.1 ${status} Odd\r\nContent-Type: application/json\r\n${length}\r\n\r\n${payload}`;
            },
            options: { retryOn: ["unreached", "rate_limited", "unavailable", "server_error"] },
            expect: StytchApiError,
            status,
            requests: 1,
            withinMs: 1_000,
          });
          assert.equal((error as StytchApiError).error_type, "odd_status");
        });
      }
      test(`${status} (chunked) with HTML → StytchDecodeError ${status}`, async () => {
        await run({
          raw: () => `HTTP/1.1 ${status} Odd\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n<html>\r\n0\r\n\r\n`,
          expect: StytchDecodeError,
          status,
          requests: 1,
          withinMs: 1_000,
        });
      });
    }

    test("client.api keeps a 600 status too", async () => {
      const server = await startServer((_req, res) => res.writeHead(600, { "content-type": "application/json" }).end(errorBody(600, "odd_status")));
      try {
        const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url });
        const { response, error } = await operation.api(client);
        assert.equal(response.status, 600);
        assert.equal(response.ok, false);
        assert.equal((error as { error_type?: string }).error_type, "odd_status");
      } finally {
        await server.close();
      }
    });
  });

  describe("media types are compared without regard to case (RFC 9110 §8.3.1)", () => {
    for (const contentType of ["APPLICATION/JSON", 'Application/Json; Charset="utf-8"', "application/json;charset=UTF-8", "application/vnd.stytch+json", " application/json "]) {
      test(`a 200 with Content-Type ${JSON.stringify(contentType)} is decoded`, async () => {
        const result = await run({ handler: (_req, res) => json(res, 200, SUCCESS_BODY, { "content-type": contentType }), expect: "success", requests: 1, withinMs: 1_000 });
        assert.equal((result as { status_code: number }).status_code, 200);
      });
    }
    for (const contentType of ["application/jsonp", "text/html; x=application/json", "json"]) {
      test(`a 200 with Content-Type ${JSON.stringify(contentType)} is not JSON → StytchDecodeError`, async () => {
        await run({ handler: (_req, res) => json(res, 200, SUCCESS_BODY, { "content-type": contentType }), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
      });
    }
  });

  test("an error whose cause chain is cyclic or deep is still checked and redacted", async () => {
    const deep: Error & { cause?: unknown } = new Error(`bottom ${SECRET}`);
    let top: Error = deep;
    for (let i = 0; i < 20; i++) top = new Error(`level ${i} ${AUTHORIZATION}`, { cause: top });
    const error = await run({
      handler: () => {},
      options: { maxRetries: 0, fetch: async () => Promise.reject(Object.assign(new TypeError("fetch failed", { cause: top }), { data: CREDENTIAL })) },
      expect: StytchConnectionError,
      requests: 0,
      withinMs: 1_000,
    });
    assertNoSecret(error);
  });
});

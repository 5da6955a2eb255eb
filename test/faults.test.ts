/**
 * Fault injection: loopback servers that misbehave the way networks and proxies do. Each case checks the
 * error class, the status where there is one, that the call ended within its deadline, how many requests
 * the server received, and that the secret is absent from everything thrown.
 */
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { describe, test } from "node:test";
import { inspect } from "node:util";
import { createStytchB2BClient, StytchAbortError, StytchApiError, StytchConnectionError, StytchDecodeError, StytchTimeoutError } from "../src/index.ts";
import { errorBody } from "./support/bodies.ts";
import { assertNoSecret, CREDENTIAL, OPERATIONS, PROJECT, run as runCase, SECRET, type Case } from "./support/fault-case.ts";
import { closedPort, startServer } from "./support/servers.ts";

const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
// Every operation keeps every guarantee: the whole suite runs once per operation, with its own default retry
// policy. An idempotent operation (x-idempotent: true) also retries, by default, what Stytch may have acted
// on: a 5xx, a timed-out attempt, a connection lost after the request went out (2 retries: 3 requests).
for (const operation of OPERATIONS) describe(operation.name, () => {
  const run = (c: Case) => runCase({ call: operation.call, ...c, options: { ...operation.clientOptions, ...c.options } });
  const SUCCESS_BODY = operation.success;
  const { idempotent } = operation;
  /** Requests made for a failure Stytch may have acted on: retried twice only when the operation is idempotent. */
  const maybeDone = idempotent ? 3 : 1;
  /** Time allowed for those: two backoff waits (0.5 s and 1 s at most) when they are retried. */
  const maybeDoneMs = (ms: number) => (idempotent ? ms + 1_500 : ms);
  const retriedOrNot = idempotent ? "retried twice (idempotent)" : "not retried";

  test(`by default a 500, a timed-out attempt and a lost connection are ${idempotent ? "retried (x-idempotent: true)" : "not retried (x-idempotent: false)"}`, async () => {
    const failures: [string, (req: import("node:http").IncomingMessage, res: ServerResponse) => void, new (...args: never[]) => Error][] = [
      ["500", (_req, res) => json(res, 500, errorBody(500, "internal_server_error")), StytchApiError],
      ["timeout", () => {}, StytchTimeoutError],
      ["connection lost", (req) => req.socket.destroy(), StytchConnectionError],
    ];
    for (const [, fail, error] of failures) {
      await run({
        handler: (req, res, n) => (n === 1 ? fail(req, res) : json(res, 200, SUCCESS_BODY)),
        options: { timeoutMs: 5_000, attemptTimeoutMs: 300 },
        expect: idempotent ? "success" : error,
        requests: idempotent ? 2 : 1,
        withinMs: 2_000,
      });
    }
  });

  describe("transport faults", () => {
    test("connection refused → retried twice, then StytchConnectionError (nothing was sent)", async () => {
      const baseUrl = await closedPort();
      const attempts: number[] = [];
      const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl, hooks: { onRequest: (e) => attempts.push(e.attempt) } });
      const started = performance.now();
      const error = await operation.call(client).catch((e: unknown) => e);
      assert.ok(error instanceof StytchConnectionError);
      assert.equal(error.maybeSent, false);
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.equal(error.attempts.length, 3);
      assert.match(error.message, /after 3 attempts/);
      assert.ok(performance.now() - started < 3_000);
      assertNoSecret(error);
    });

    test(`reset before the response → StytchConnectionError, ${retriedOrNot} (Stytch may have acted)`, async () => {
      const error = await run({ handler: (req) => req.socket.destroy(), expect: StytchConnectionError, requests: maybeDone, withinMs: maybeDoneMs(2_000) });
      assert.equal((error as StytchConnectionError).maybeSent, true);
    });

    test("reset in the middle of the body → StytchConnectionError", async () => {
      await run({
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
          res.write(SUCCESS_BODY.slice(0, 100));
          setTimeout(() => res.socket?.destroy(), 20);
        },
        expect: StytchConnectionError,
        requests: maybeDone,
        withinMs: maybeDoneMs(2_000),
      });
    });

    test("a server that never answers → StytchTimeoutError at the deadline", async () => {
      await run({ handler: () => {}, options: { timeoutMs: 300 }, expect: StytchTimeoutError, requests: 1, withinMs: 1_000, atLeastMs: 290 });
    });

    test("headers, then silence → StytchTimeoutError", async () => {
      await run({
        handler: (_req, res) => res.writeHead(200, { "content-type": "application/json" }).flushHeaders(),
        options: { timeoutMs: 300 },
        expect: StytchTimeoutError,
        requests: 1,
        withinMs: 1_000,
      });
    });

    test("a body that drips slower than the deadline → StytchTimeoutError", async () => {
      await run({
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 50);
          res.on("close", () => clearInterval(timer));
        },
        options: { timeoutMs: 400 },
        expect: StytchTimeoutError,
        requests: 1,
        withinMs: 1_200,
      });
    });

    test(`a hung attempt over attemptTimeoutMs is ${retriedOrNot} by default`, async () => {
      const error = await run({ handler: () => {}, options: { timeoutMs: 5_000, attemptTimeoutMs: 200 }, expect: StytchTimeoutError, requests: maybeDone, withinMs: maybeDoneMs(1_000), atLeastMs: 190 });
      assert.equal((error as StytchTimeoutError).scope, "attempt");
      assert.equal((error as StytchTimeoutError).attempts.length, maybeDone);
    });

    test("opt-in: a timed-out attempt is retried with attemptTimeoutMs and retryOn timeout", async () => {
      await run({
        handler: (_req, res, n) => (n === 1 ? undefined : json(res, 200, SUCCESS_BODY)),
        options: { timeoutMs: 5_000, attemptTimeoutMs: 200, retryOn: ["timeout"] },
        expect: "success",
        requests: 2,
        withinMs: 2_000,
      });
    });
  });

  describe("answers that are not the API's JSON", () => {
    test(`HTML 502 from a proxy → StytchDecodeError 502, ${retriedOrNot}`, async () => {
      const error = await run({
        handler: (_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<html><h1>502 Bad Gateway</h1></html>"),
        expect: StytchDecodeError,
        status: 502,
        requests: maybeDone,
        withinMs: maybeDoneMs(1_000),
      });
      assert.match((error as StytchDecodeError).rawBody, /Bad Gateway/);
    });

    test("empty 504 → StytchDecodeError 504", async () => {
      await run({ handler: (_req, res) => res.writeHead(504).end(), expect: StytchDecodeError, status: 504, requests: maybeDone, withinMs: maybeDoneMs(1_000) });
    });

    test("truncated JSON → StytchDecodeError 200 with the SyntaxError as cause", async () => {
      const error = await run({ handler: (_req, res) => json(res, 200, SUCCESS_BODY.slice(0, 300)), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
      assert.ok((error as Error).cause instanceof SyntaxError);
    });

    test("JSON of the wrong shape → StytchDecodeError 200", async () => {
      await run({ handler: (_req, res) => json(res, 200, '{"hello":"world"}'), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
    });

    test("200 with a non-JSON content type → StytchDecodeError", async () => {
      await run({ handler: (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>"), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
    });

    test("a redirect is never followed → StytchDecodeError 302; the other host sees nothing", async () => {
      const elsewhere = await startServer((_req, res) => json(res, 200, SUCCESS_BODY));
      try {
        const error = await run({
          handler: (_req, res) => res.writeHead(302, { location: `${elsewhere.url}${operation.path}` }).end(),
          expect: StytchDecodeError,
          status: 302,
          requests: 1,
          withinMs: 1_000,
        });
        assert.match((error as Error).message, /redirect/);
        assert.equal(elsewhere.requests, 0);
      } finally {
        await elsewhere.close();
      }
    });

    test("an oversize body with Content-Length → StytchDecodeError, cut off", async () => {
      await run({
        handler: (_req, res) => json(res, 200, `{"pad":"${"x".repeat(5_000)}"}`),
        options: { maxResponseBytes: 1_000 },
        expect: StytchDecodeError,
        status: 200,
        requests: 1,
        withinMs: 1_000,
      });
    });

    test("an endless chunked body → StytchDecodeError at the cap", async () => {
      const error = await run({
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write("x".repeat(16_384))), 1);
          res.on("close", () => clearInterval(timer));
        },
        // A deadline of its own, so that a broken cap fails this test in a second, not at the runner's timeout.
        options: { maxResponseBytes: 256 * 1024, timeoutMs: 1_000 },
        expect: StytchDecodeError,
        status: 200,
        requests: 1,
        withinMs: 1_000,
      });
      assert.match((error as Error).message, /maxResponseBytes/);
    });

    test("a hostile body echoing the credentials is redacted", async () => {
      const error = await run({
        handler: (req, res) => res.writeHead(500, { "content-type": "text/plain" }).end(`auth was ${req.headers.authorization} secret ${SECRET}`),
        expect: StytchDecodeError,
        status: 500,
        requests: maybeDone,
        withinMs: maybeDoneMs(1_000),
      });
      assert.match((error as StytchDecodeError).rawBody, /\[redacted\]/);
    });

    test("a hostile JSON error echoing the credentials is redacted in every field", async () => {
      const error = await run({
        handler: (req, res) =>
          json(res, 400, JSON.stringify({ status_code: 400, request_id: SECRET, error_type: "echo", error_message: `you sent ${req.headers.authorization}`, error_url: SECRET, error_details: { secret: SECRET } })),
        expect: StytchApiError,
        status: 400,
        requests: 1,
        withinMs: 1_000,
      });
      assert.equal((error as StytchApiError).error_message, "you sent [redacted]");
      assert.deepEqual((error as StytchApiError).error_details, { secret: "[redacted]" });
    });

    test("invalid JSON quoting the secret: the parser's message (the cause) is redacted too", async () => {
      const error = await run({ handler: (_req, res) => json(res, 200, `${SECRET} is not json`), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
      assert.ok((error as Error).cause instanceof SyntaxError);
    });

    test("hook payloads redact a secret a server echoes into a response header", async () => {
      const server = await startServer((req, res) => json(res, 200, SUCCESS_BODY, { "x-echo": String(req.headers.authorization), "x-secret": SECRET }));
      const payloads: unknown[] = [];
      try {
        const hooks = { onRequest: (e: unknown) => payloads.push(e), onResponse: (e: unknown) => payloads.push(e) };
        await operation.call(createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url, hooks }));
        const text = inspect(payloads, { depth: 10 });
        assert.ok(!text.includes(SECRET) && !text.includes(CREDENTIAL), text);
        assert.match(text, /'x-echo': '\[redacted\]'/);
      } finally {
        await server.close();
      }
    });

    test("__proto__ and constructor keys cannot pollute prototypes", async () => {
      const hostile = SUCCESS_BODY.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
      const server = await startServer((_req, res) => json(res, 200, hostile));
      try {
        const result = await operation.call(createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url }));
        assert.equal(({} as { polluted?: boolean }).polluted, undefined);
        assert.equal(Object.getPrototypeOf(result), Object.prototype);
        assert.equal((result as { polluted?: boolean }).polluted, undefined);
      } finally {
        await server.close();
      }
    });
  });

  describe("status codes and retries", () => {
    test("429 with Retry-After in seconds → waits, then succeeds", async () => {
      await run({
        handler: (_req, res, n) => (n === 1 ? json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": "1" }) : json(res, 200, SUCCESS_BODY)),
        expect: "success",
        requests: 2,
        withinMs: 2_500,
        atLeastMs: 950,
      });
    });

    test("429 with Retry-After as an HTTP date → waits, then succeeds", async () => {
      await run({
        handler: (_req, res, n) =>
          n === 1
            ? json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": new Date(Date.now() + 1_500).toUTCString() })
            : json(res, 200, SUCCESS_BODY),
        expect: "success",
        requests: 2,
        withinMs: 3_500,
        atLeastMs: 400,
      });
    });

    test("429 every time → StytchApiError 429 after 3 attempts, each listed", async () => {
      const error = await run({
        handler: (_req, res) => json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": "0" }),
        expect: StytchApiError,
        status: 429,
        requests: 3,
        withinMs: 1_500,
      });
      const failures = (error as StytchApiError).attempts.map((a) => a.failure);
      assert.deepEqual(failures, ["429 too_many_requests", "429 too_many_requests", "429 too_many_requests"]);
    });

    test("a Retry-After beyond the deadline → fails at once with the 429", async () => {
      await run({
        handler: (_req, res) => json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": "30" }),
        options: { timeoutMs: 2_000 },
        expect: StytchApiError,
        status: 429,
        requests: 1,
        withinMs: 500,
      });
    });

    test("503 server_unavailable, then success", async () => {
      await run({
        handler: (_req, res, n) => (n === 1 ? json(res, 503, errorBody(503, "server_unavailable")) : json(res, 200, SUCCESS_BODY)),
        expect: "success",
        requests: 2,
        withinMs: 2_000,
      });
    });

    test(`500 → StytchApiError 500, ${retriedOrNot} (Stytch may have acted)`, async () => {
      await run({ handler: (_req, res) => json(res, 500, errorBody(500, "internal_server_error")), expect: StytchApiError, status: 500, requests: maybeDone, withinMs: maybeDoneMs(1_000) });
    });

    test("opt-in: retryOn server_error retries a 500", async () => {
      await run({
        handler: (_req, res, n) => (n === 1 ? json(res, 500, errorBody(500, "internal_server_error")) : json(res, 200, SUCCESS_BODY)),
        options: { retryOn: ["server_error"] },
        expect: "success",
        requests: 2,
        withinMs: 2_000,
      });
    });

    test("maxRetries: 0 turns retries off", async () => {
      await run({ handler: (_req, res) => json(res, 503, errorBody(503, "server_unavailable")), options: { maxRetries: 0 }, expect: StytchApiError, status: 503, requests: 1, withinMs: 1_000 });
    });

    test("abort during the backoff wait → StytchAbortError at once", async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("stop")), 150);
      await run({
        handler: (_req, res) => json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": "5" }),
        signal: controller.signal,
        expect: StytchAbortError,
        requests: 1,
        withinMs: 1_000,
      });
    });

    test("a wait that would pass the deadline is not started: the last answer is thrown before it", async () => {
      const error = await run({
        handler: (_req, res) => json(res, 503, errorBody(503, "server_unavailable"), { "retry-after": "1" }),
        options: { timeoutMs: 1_500, maxRetries: 5 },
        expect: StytchApiError,
        status: 503,
        requests: 2,
        withinMs: 1_500,
      });
      assert.equal((error as StytchApiError).attempts.length, 2);
    });
  });

  describe("retry policy: per-call settings, backoff, caps and what is never retried", () => {
    const EVERY_REASON = ["unreached", "rate_limited", "unavailable", "timeout", "connection_lost", "server_error", "undecodable"] as const;
    const unavailable = (res: ServerResponse) => json(res, 503, errorBody(503, "server_unavailable"), { "retry-after": "0" });

    test("a per-call maxRetries overrides the client's (0 turns retries off, 3 allows four attempts)", async () => {
      await run({ handler: (_req, res) => unavailable(res), call: (client) => operation.call(client, { maxRetries: 0 }), expect: StytchApiError, status: 503, requests: 1, withinMs: 1_000 });
      await run({ handler: (_req, res) => unavailable(res), options: { maxRetries: 0 }, call: (client) => operation.call(client, { maxRetries: 3 }), expect: StytchApiError, status: 503, requests: 4, withinMs: 2_000 });
    });

    test("a per-call retryOn overrides the client's (opting in to server_error, or retrying nothing)", async () => {
      await run({
        handler: (_req, res, n) => (n === 1 ? json(res, 500, errorBody(500, "internal_server_error")) : json(res, 200, SUCCESS_BODY)),
        call: (client) => operation.call(client, { retryOn: ["server_error"] }),
        expect: "success",
        requests: 2,
        withinMs: 2_500,
      });
      await run({ handler: (_req, res) => unavailable(res), call: (client) => operation.call(client, { retryOn: [] }), expect: StytchApiError, status: 503, requests: 1, withinMs: 1_000 });
    });

    test("a per-call attemptTimeoutMs bounds each attempt (StytchTimeoutError, scope attempt)", async () => {
      const error = await run({
        handler: () => {},
        options: { timeoutMs: 5_000 },
        call: (client) => operation.call(client, { attemptTimeoutMs: 200 }),
        expect: StytchTimeoutError,
        requests: maybeDone,
        withinMs: maybeDoneMs(2_000),
        atLeastMs: 190,
      });
      assert.equal((error as StytchTimeoutError).scope, "attempt");
      assert.equal((error as StytchTimeoutError).timeoutMs, 200);
    });

    test("without Retry-After, waits back off 0.5 s, 1 s, 2 s … at most 8 s, less up to 25 % jitter", async () => {
      // Each call gets 503 with Retry-After: 0 until the attempt whose wait is sampled, which gets no Retry-After;
      // onRetry reads that wait and aborts the call, so no long wait is sat through.
      let sampled = 1;
      let answered = 0;
      const server = await startServer((req, res) => {
        req.resume();
        req.on("end", () => json(res, 503, errorBody(503, "server_unavailable"), ++answered < sampled ? { "retry-after": "0" } : {}));
      });
      try {
        for (const retry of [1, 2, 3, 4, 5, 6, 7]) {
          [sampled, answered] = [retry, 0];
          const controller = new AbortController();
          const delays: number[] = [];
          const onRetry = ({ attempt, delayMs }: { attempt: number; delayMs: number }) => {
            delays.push(delayMs);
            if (attempt === retry) controller.abort();
          };
          const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url, maxRetries: 10, timeoutMs: 60_000, hooks: { onRetry } });
          const error = await operation.call(client, { signal: controller.signal }).catch((e: unknown) => e);
          assert.ok(error instanceof StytchAbortError, String(error));
          const full = Math.min(500 * 2 ** (retry - 1), 8_000);
          const waited = delays.at(-1)!;
          assert.ok(waited >= full * 0.75 && waited <= full, `wait before retry ${retry}: ${waited} ms, expected ${full * 0.75}–${full} ms`);
          assert.deepEqual(delays.slice(0, -1), new Array(retry - 1).fill(0));
        }
      } finally {
        await server.close();
      }
    });

    test("a Retry-After over 60 s (seconds or HTTP-date) is capped at 60 s", async () => {
      for (const value of ["3600", new Date(Date.now() + 3_600_000).toUTCString()]) {
        const controller = new AbortController();
        const delays: number[] = [];
        await run({
          handler: (_req, res) => json(res, 429, errorBody(429, "too_many_requests"), { "retry-after": value }),
          // A call deadline long enough for a 60 s wait, not for an hour's: the wait starts, and onRetry ends it.
          options: { timeoutMs: 120_000, hooks: { onRetry: (e) => (delays.push(e.delayMs), controller.abort()) } },
          signal: controller.signal,
          expect: StytchAbortError,
          requests: 1,
          withinMs: 1_000,
        });
        assert.deepEqual(delays, [60_000], value);
      }
    });

    test("the final error lists every attempt with its status, and its message names each", async () => {
      const error = await run({ handler: (_req, res) => unavailable(res), expect: StytchApiError, status: 503, requests: 3, withinMs: 1_500 });
      assert.deepEqual(
        (error as StytchApiError).attempts,
        [1, 2, 3].map((attempt) => ({ attempt, failure: "503 server_unavailable", status: 503 })),
      );
      assert.equal(
        (error as Error).message,
        "503 server_unavailable: server_unavailable happened (request_id request-id-503) (after 3 attempts: #1 503 server_unavailable; #2 503 server_unavailable; #3 503 server_unavailable)",
      );
    });

    test("never retried, whatever retryOn says: a 4xx other than 429 (JSON or not) and a redirect", async () => {
      const answers: [number, (res: ServerResponse) => void, typeof StytchApiError | typeof StytchDecodeError][] = [
        [400, (res) => json(res, 400, errorBody(400, "bad_request")), StytchApiError],
        [404, (res) => res.writeHead(404, { "content-type": "text/html" }).end("<html>Not Found</html>"), StytchDecodeError],
        [307, (res) => res.writeHead(307, { location: `https://elsewhere.example${operation.path}` }).end(), StytchDecodeError],
      ];
      for (const [status, answer, expect] of answers) {
        await run({ handler: (_req, res) => answer(res), options: { retryOn: EVERY_REASON, maxRetries: 2 }, expect, status, requests: 1, withinMs: 1_000 });
      }
    });

    test("opt-in: retryOn connection_lost retries a connection reset after the request was written", async () => {
      await run({
        handler: (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, SUCCESS_BODY)),
        options: { retryOn: ["connection_lost"] },
        expect: "success",
        requests: 2,
        withinMs: 2_500,
      });
    });

    test("opt-in: retryOn undecodable retries a 2xx that is not this endpoint's JSON", async () => {
      await run({
        handler: (_req, res, n) => json(res, 200, n === 1 ? SUCCESS_BODY.slice(0, 100) : SUCCESS_BODY),
        options: { retryOn: ["undecodable"] },
        expect: "success",
        requests: 2,
        withinMs: 2_500,
      });
    });
  });

  describe("maxResponseBytes: over the cap fails, at the cap is read", () => {
    const size = Buffer.byteLength(SUCCESS_BODY);
    for (const framing of ["content-length", "chunked"] as const) {
      test(`a body of exactly maxResponseBytes is read; one byte more is cut off (${framing})`, async () => {
        const handler = (_req: unknown, res: ServerResponse) => {
          res.writeHead(200, { "content-type": "application/json", ...(framing === "content-length" && { "content-length": String(size) }) });
          res.write(SUCCESS_BODY.slice(0, 1_000));
          res.end(SUCCESS_BODY.slice(1_000));
        };
        await run({ handler, options: { maxResponseBytes: size }, expect: "success", requests: 1, withinMs: 1_000 });
        await run({ handler, options: { maxResponseBytes: size - 1 }, expect: StytchDecodeError, status: 200, requests: 1, withinMs: 1_000 });
      });
    }
  });

  test("__proto__ and constructor keys in error_details stay plain data, not prototypes", async () => {
    const details = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const body = `{"status_code":400,"request_id":"r","error_type":"bad_request","error_message":"m","error_url":"u","error_details":${details}}`;
    const error = (await run({ handler: (_req, res) => json(res, 400, body), expect: StytchApiError, status: 400, requests: 1, withinMs: 1_000 })) as StytchApiError;
    const copy = error.error_details!;
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.deepEqual(Object.keys(copy), ["__proto__", "constructor"]);
    assert.equal((copy as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  });

  test("client.api never follows a redirect either: it gets the 3xx, the other host sees nothing", async () => {
    const elsewhere = await startServer((_req, res) => json(res, 200, SUCCESS_BODY));
    const server = await startServer((_req, res) => res.writeHead(307, { location: `${elsewhere.url}${operation.path}` }).end());
    try {
      const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url });
      const { response, data } = await operation.api(client);
      assert.equal(response.status, 307);
      assert.equal(data, undefined);
      assert.equal(elsewhere.requests, 0);
    } finally {
      await Promise.all([server.close(), elsewhere.close()]);
    }
  });
});

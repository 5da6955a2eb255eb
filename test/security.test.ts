import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createStytchB2BClient, StytchDecodeError, StytchResponseValidationError, StytchValidationError } from "../src/index.ts";
import { responseValidator } from "../src/response-validation.ts";
import { SUCCESS_BODY } from "./support/bodies.ts";
import { startServer } from "./support/servers.ts";
import { sharedMock } from "./support/shared-mock.ts";

const mock = sharedMock();

describe("control characters are refused before sending", () => {
  const base = { projectId: "project-test-1", secret: "secret-value" };
  for (const [field, options] of [
    ["projectId", { ...base, projectId: "project-test-1\r\nX-Evil: 1" }],
    ["secret", { ...base, secret: "secret\nvalue" }],
    ["baseUrl", { ...base, baseUrl: "https://api.stytch.com\r\n" }],
    ["headers.x-note", { ...base, headers: { "x-note": "a\r\nb" } }],
  ] as const) {
    test(`in ${field}`, () => {
      assert.throws(() => createStytchB2BClient(options), (e) => e instanceof StytchValidationError && e.field === field && e.rule === "controlCharacters");
    });
  }

  test("in ids, tokens and per-call headers; nothing is sent", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    const ids = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id };
    for (const [field, call] of [
      ["member_id", () => client.otps.sms.send({ ...ids, member_id: "member\r\n" })],
      ["session_token", () => client.otps.sms.send({ ...ids, session_token: "tok\u0000en" })],
      ["headers.x-trace", () => client.otps.sms.send(ids, { headers: { "x-trace": "a\nb" } })],
    ] as const) {
      await assert.rejects(call(), (e) => e instanceof StytchValidationError && e.field === field && e.rule === "controlCharacters", field);
    }
    assert.equal(mock.exchanges.length, 0);
  });
});

describe("validateResponses", () => {
  test("off by default: a response with a wrong field type is returned as is", async () => {
    const broken = JSON.parse(SUCCESS_BODY);
    broken.member.is_admin = "yes";
    const server = await startServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(broken)));
    try {
      const plain = createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret", baseUrl: server.url });
      assert.equal((await plain.otps.sms.send({ organization_id: "o", member_id: "m" })).member.is_admin, "yes" as unknown);
      const strict = createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret", baseUrl: server.url, validateResponses: responseValidator });
      await assert.rejects(
        strict.otps.sms.send({ organization_id: "o", member_id: "m" }),
        (e) => e instanceof StytchResponseValidationError && e.path === "/member/is_admin" && e.status === 200 && /must be boolean/.test(e.message),
      );
    } finally {
      await server.close();
    }
  });

  test("the mock's answers pass it", async () => {
    const client = createStytchB2BClient({ ...mock.clientOptions, validateResponses: responseValidator });
    const result = await client.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "+15005550006" });
    assert.equal(result.status_code, 200);
  });

  test("`true` or anything but a validator is refused at construction, naming the import to use", () => {
    for (const validateResponses of [true, "yes", {}]) {
      assert.throws(
        () => createStytchB2BClient({ ...mock.clientOptions, validateResponses: validateResponses as never }),
        (e) =>
          e instanceof StytchValidationError &&
          e.field === "validateResponses" &&
          e.rule === "type" &&
          e.message.includes('import { responseValidator } from "stytch-b2b-sms/response-validation"'),
      );
    }
    assert.equal(mock.exchanges.length, 0);
  });
});

describe("fetch options", () => {
  test("no cache, mode or credentials by default; extra RequestInit fields pass through; redirect stays manual", async () => {
    const inits: RequestInit[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      inits.push(init);
      return new Response(SUCCESS_BODY, { headers: { "content-type": "application/json" } });
    };
    const client = createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret", fetch, fetchOptions: { keepalive: true } });
    await client.otps.sms.send({ organization_id: "o", member_id: "m" });
    await client.otps.sms.send({ organization_id: "o", member_id: "m" }, { fetchOptions: { cache: "no-store", redirect: "follow" } as never });
    const [first, second] = inits;
    for (const key of ["cache", "mode", "credentials"] as const) assert.equal(first?.[key], undefined, key);
    assert.equal(first?.keepalive, true);
    assert.equal(first?.redirect, "manual");
    assert.equal(second?.cache, "no-store");
    assert.equal(second?.redirect, "manual");
  });
});

describe("browser guard", () => {
  test("refuses to run where window and document exist, unless dangerouslyAllowBrowser", () => {
    const g = globalThis as Record<string, unknown>;
    g.window = g;
    g.document = {};
    try {
      assert.throws(
        () => createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret" }),
        (e) => e instanceof StytchValidationError && e.field === "dangerouslyAllowBrowser" && /secret would be exposed/.test(e.message),
      );
      assert.ok(createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret", dangerouslyAllowBrowser: true }));
    } finally {
      delete g.window;
      delete g.document;
    }
  });
});

describe("retry settings are checked", () => {
  const base = { projectId: "project-test-1", secret: "secret-value" };
  for (const [field, bad] of [
    ["timeoutMs", { timeoutMs: Number.NaN }],
    ["attemptTimeoutMs", { attemptTimeoutMs: -1 }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["retryOn", { retryOn: ["rate_limited", "server_eror"] }],
  ] as const) {
    test(`${field}, on the client and per call; nothing is sent`, async () => {
      assert.throws(() => createStytchB2BClient({ ...base, ...bad } as never), (e) => e instanceof StytchValidationError && e.field === field);
      const client = createStytchB2BClient(mock.clientOptions);
      const ids = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id };
      await assert.rejects(client.otps.sms.send(ids, bad as never), (e) => e instanceof StytchValidationError && e.field === field);
      assert.equal(mock.exchanges.length, 0);
    });
  }
});

describe("control characters: every C0 control and DEL, and header names too", () => {
  test("tab, ESC and DEL in a body field or a header value are refused; nothing is sent", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    const ids = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id };
    for (const control of ["\t", "\u001b", "\u007f"]) {
      await assert.rejects(client.otps.sms.send({ ...ids, locale: `en${control}` }), (e) => e instanceof StytchValidationError && e.field === "locale" && e.rule === "controlCharacters", JSON.stringify(control));
      await assert.rejects(client.otps.sms.send(ids, { headers: { "x-note": `a${control}b` } }), (e) => e instanceof StytchValidationError && e.rule === "controlCharacters", JSON.stringify(control));
    }
    assert.equal(mock.exchanges.length, 0);
  });

  test("a header name with CR/LF is refused as a validation error, on the client or per call", async () => {
    const forged = { "x-note\r\nx-injected": "1" };
    assert.throws(() => createStytchB2BClient({ ...mock.clientOptions, headers: forged }), (e) => e instanceof StytchValidationError && e.rule === "controlCharacters");
    const client = createStytchB2BClient(mock.clientOptions);
    const ids = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id };
    await assert.rejects(client.otps.sms.send(ids, { headers: forged }), (e) => e instanceof StytchValidationError && e.rule === "controlCharacters");
    assert.equal(mock.exchanges.length, 0);
  });
});

test("an echoed secret is redacted in the forms JSON writes it (escaped quote, backslash and slash)", async () => {
  const secret = 'se"cr\\et/value-7c1e';
  const quoted = JSON.stringify(secret).slice(1, -1); // se\"cr\\et/value-7c1e
  const body = `{"echo":"${quoted}","php_style":"${quoted.replaceAll("/", "\\/")}"}`;
  const server = await startServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  try {
    const client = createStytchB2BClient({ projectId: "project-test-1", secret, baseUrl: server.url, maxRetries: 0 });
    const error = await client.otps.sms.send({ organization_id: "o", member_id: "m" }).catch((e: unknown) => e);
    assert.ok(error instanceof StytchDecodeError, String(error));
    assert.deepEqual(JSON.parse(error.rawBody), { echo: "[redacted]", php_style: "[redacted]" });
    assert.ok(!error.message.includes("value-7c1e"), error.message);
  } finally {
    await server.close();
  }
});

test("the browser guard needs both window and document: either alone does not trip it", () => {
  const g = globalThis as Record<string, unknown>;
  for (const name of ["window", "document"]) {
    g[name] = name === "window" ? g : {};
    try {
      assert.ok(createStytchB2BClient({ projectId: "project-test-1", secret: "s3cret" }), name);
    } finally {
      delete g[name];
    }
  }
});

/**
 * Size budget of the send path: an app that only creates the client and sends, bundled by esbuild (minified)
 * for the browser and for node, against the packed package.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { bundleSize } from "../../bench/size.ts";
import { CONSUMER_DIR, packListing } from "../support/packed.ts";

// openapi-fetch alone is 2.65 KB gzip of this; the 4 KB target leaves 1.35 KB for validation, timeouts,
// retries, hooks, typed errors and redaction, which this client does not fit (see README "Performance").
// The budget stops the send path from growing unnoticed: 8.45 KB before the hostile-server hardening (a bounded
// body reader for every status, RFC 9110 Retry-After, redacted runtime errors) brought it to 9.2 KB, and the
// spec-driven pipeline with authenticate (its rules in the table every client carries, exactly-one groups,
// integer, boolean and object checks, credential redaction by field, withResponse) to about 9.96 KB (10,182
// bytes), and every operation shape (path and query parameters, lists and closed nested objects in the
// checks, no body nor content type for GET and DELETE, binding another table's operation) to 10,487 bytes, the
// plug-in seam the send guard uses (admit, failed attempts, end) to about 10,690, and operations as functions
// of a client (so that an app can import send alone: about 10,600 that way) to about 10,780 for the client
// with both methods, and a clear error for a guard or telemetry option that is no plug-in to about 10,870.
const BUDGET_GZIP_BYTES = 10.7 * 1024;

for (const platform of ["browser", "node"] as const) {
  test(`the send path bundles to at most ${BUDGET_GZIP_BYTES} bytes gzip (${platform}), in both forms`, async () => {
    packListing(); // fails with what to run when the package has not been packed
    for (const app of ["stytch-b2b-sms send", "send alone (core + otpsSmsSend)"] as const) {
      const { gzip, code } = await bundleSize(app, platform, CONSUMER_DIR);
      assert.ok(gzip <= BUDGET_GZIP_BYTES, `${app}: ${gzip} bytes gzip`);
      // Optional parts stay out: the mock, the response validators, anything Node-only, the guard, telemetry.
      for (const marker of ["startMockStytch", "validateSmsSendResponse", "node:http", "MockStore", "wrongCodes:", "learned:", "StytchGuardError", "@opentelemetry/api", "stytch.otp.sms.sends"]) {
        assert.ok(!code.includes(marker), `${app}: the bundle contains ${marker}`);
      }
    }
  });
}

test("an app pays only for the operations it calls: send alone carries no authenticate; each further operation at most 250 bytes", async () => {
  packListing();
  const alone = await bundleSize("send alone (core + otpsSmsSend)", "browser", CONSUMER_DIR);
  const both = await bundleSize("… + otpsSmsAuthenticate", "browser", CONSUMER_DIR);
  const client = await bundleSize("stytch-b2b-sms send", "browser", CONSUMER_DIR);
  // Authenticate's rules (its session fields, session_duration_minutes' bounds, the enrolment enum) and path.
  for (const marker of ["/v1/b2b/otps/sms/authenticate", "session_duration_minutes", "unenroll"]) {
    assert.ok(!alone.code.includes(marker), `send alone carries ${marker}`);
    assert.ok(both.code.includes(marker), `send + authenticate lacks ${marker}`);
  }
  assert.ok(both.gzip - alone.gzip <= 250, `authenticate adds ${both.gzip - alone.gzip} bytes gzip`);
  assert.ok(client.gzip - alone.gzip <= 250, `the client with both methods adds ${client.gzip - alone.gzip} bytes gzip`);
});

// The guard's whole cost to an app that sends through it with the memory store: the rules, the exact table of
// the +1 regions, the bounded store, option checks and messages, StytchGuardError (README "Protecting
// against SMS pumping" gives the figure). The world's regions and Redis are other subpaths, not in it.
const GUARD_BUDGET_GZIP_BYTES = 4.1 * 1024;

test(`the memory guard adds at most ${GUARD_BUDGET_GZIP_BYTES} bytes gzip to the send path, and no Redis or world table`, async () => {
  packListing();
  const plain = await bundleSize("stytch-b2b-sms send", "browser", CONSUMER_DIR);
  const guarded = await bundleSize("… + memory guard", "browser", CONSUMER_DIR);
  assert.ok(guarded.gzip - plain.gzip <= GUARD_BUDGET_GZIP_BYTES, `${guarded.gzip - plain.gzip} bytes gzip`);
  for (const marker of ["EVALSHA", "callingCodes", "redis"]) assert.ok(!guarded.code.includes(marker), `the bundle contains ${marker}`);
});

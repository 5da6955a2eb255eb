/**
 * Property-based: for any input, the client either sends a request that validates against the spec, or
 * throws StytchValidationError having sent nothing; never a raw TypeError, never an unhandled rejection.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { validateSmsSendRequest } from "../generated/validators.js";
import { createStytchB2BClient, StytchValidationError, type SmsSendRequest } from "../src/index.ts";
import { SUCCESS_BODY } from "./support/bodies.ts";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on("unhandledRejection", onUnhandled));
after(() => {
  process.off("unhandledRejection", onUnhandled);
  assert.deepEqual(unhandled, []);
});

const sent: unknown[] = [];
const client = createStytchB2BClient({
  projectId: "project-test-properties",
  secret: "property-secret",
  // A fetch that records what would go on the wire; the body is the serialised JSON openapi-fetch built.
  fetch: async (_url, init) => {
    sent.push(JSON.parse(String(init.body)));
    return new Response(SUCCESS_BODY, { headers: { "content-type": "application/json" } });
  },
});

const fieldNames = ["organization_id", "member_id", "mfa_phone_number", "locale", "intermediate_session_token", "session_token", "session_jwt"];
const anyValue = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\+[1-9]\d{1,14}$/),
  fc.constantFrom("", "+15005550006", "en", "pt-br", "member-test-1", "a\r\nb"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
  fc.array(fc.string()),
);
// Mostly well-formed field values, sometimes anything: inputs near the boundary of what the spec allows.
const safeId = fc.string({ minLength: 1 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const good: Record<string, fc.Arbitrary<unknown>> = {
  organization_id: safeId,
  member_id: safeId,
  mfa_phone_number: fc.stringMatching(/^\+[1-9]\d{1,14}$/),
  locale: fc.constantFrom("en", "es", "pt-br", "sv"),
  intermediate_session_token: safeId,
  session_token: safeId,
  session_jwt: safeId,
};
// Session fields are mostly left out: at most one of the three may be present.
const field = (name: string) =>
  name.includes("session")
    ? fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: good[name]! }, { weight: 1, arbitrary: anyValue })
    : fc.oneof({ weight: 6, arbitrary: good[name]! }, { weight: 1, arbitrary: anyValue });
const nearValid = fc
  .tuple(
    fc.record(Object.fromEntries(fieldNames.map((name) => [name, field(name)])), { requiredKeys: ["organization_id", "member_id"] }),
    fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fc.string(), anyValue, { maxKeys: 2 }) }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));
const plausibleBody = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), anyValue, { maxKeys: 8 });
const anyInput = fc.oneof({ weight: 4, arbitrary: nearValid }, { weight: 1, arbitrary: plausibleBody }, { weight: 1, arbitrary: fc.anything() });

test("any input: a spec-valid request is sent, or StytchValidationError and nothing is sent", async () => {
  const sentBefore = sent.length;
  await fc.assert(
    fc.asyncProperty(anyInput, async (input) => {
      const before = sent.length;
      try {
        await client.otps.sms.send(input as SmsSendRequest);
      } catch (error) {
        assert.ok(error instanceof StytchValidationError, `threw ${String(error)}`);
        assert.equal(sent.length, before, "a refused input was sent anyway");
        return;
      }
      assert.equal(sent.length, before + 1);
      const wire = sent.at(-1);
      assert.ok(validateSmsSendRequest(wire), `sent a request the spec forbids: ${JSON.stringify(wire)} ${JSON.stringify(validateSmsSendRequest.errors)}`);
    }),
    { numRuns: 2_000 },
  );
  assert.ok(sent.length - sentBefore >= 100, `only ${sent.length - sentBefore} of the random inputs were valid: the property says little`);
});

test("every valid request the spec allows is accepted and sent unchanged", async () => {
  const e164 = fc.stringMatching(/^\+[1-9]\d{1,14}$/);
  const id = fc.string({ minLength: 1 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
  const session = fc.oneof(
    fc.constant({}),
    fc.record({ session_token: id }),
    fc.record({ session_jwt: id }),
    fc.record({ intermediate_session_token: id }),
  );
  const valid = fc
    .tuple(fc.record({ organization_id: id, member_id: id }), fc.option(e164, { nil: undefined }), fc.option(fc.constantFrom("en", "es", "pt-br", "sv"), { nil: undefined }), session)
    .map(([ids, phone, locale, s]) => ({ ...ids, ...(phone && { mfa_phone_number: phone }), ...(locale && { locale }), ...s }));
  await fc.assert(
    fc.asyncProperty(valid, async (body) => {
      await client.otps.sms.send(body);
      assert.deepEqual(sent.at(-1), body);
    }),
    { numRuns: 500 },
  );
});

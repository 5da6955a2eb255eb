import assert from "node:assert/strict";
import { test } from "node:test";

// Imports the built package by its own name, through the `exports` map (run `npm run build` first).
test("the package root and the ./mock subpath work from dist/", async () => {
  const { createStytchB2BClient, StytchApiError } = await import("stytch-b2b-sms");
  const { startMockStytch } = await import("stytch-b2b-sms/mock");
  const mock = await startMockStytch();
  try {
    const client = createStytchB2BClient(mock.clientOptions);
    const result = await client.otps.sms.send({
      organization_id: mock.organization.organization_id,
      member_id: mock.member.member_id,
      mfa_phone_number: "+15005550006",
    });
    assert.equal(result.status_code, 200);
    await assert.rejects(client.otps.sms.send({ organization_id: "nope", member_id: "m" }), StytchApiError);
    const { responseValidator } = await import("stytch-b2b-sms/response-validation");
    const validating = createStytchB2BClient({ ...mock.clientOptions, validateResponses: responseValidator });
    const again = await validating.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id });
    assert.equal(again.status_code, 200);
  } finally {
    await mock.close();
  }
});

// One process, one send: prints the milliseconds from process start to the parsed first response.
const [variant, baseUrl] = process.argv.slice(2);
const body = { organization_id: "organization-test-1", member_id: "member-test-1", mfa_phone_number: "+15005550006" };
if (variant === "raw fetch") {
  const response = await fetch(`${baseUrl}/v1/b2b/otps/sms/send`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${btoa("project-test-bench:bench-secret")}` },
    body: JSON.stringify(body),
  });
  await response.json();
} else {
  const { createStytchB2BClient } = await import("stytch-b2b-sms");
  await createStytchB2BClient({ projectId: "project-test-bench", secret: "bench-secret", baseUrl }).otps.sms.send(body);
}
console.log(performance.now().toFixed(2));

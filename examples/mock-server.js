// Runs the embedded mock Stytch until Ctrl-C and prints the environment the other examples read.
//
//   node examples/mock-server.js            # then paste the printed lines into another shell
//
// The mock's seeded Organization (slug "acme") and Member are printed as ORGANIZATION_ID and MEMBER_ID, with
// an INTERMEDIATE_SESSION_TOKEN standing in for the primary login (single use: the first successful
// authenticate consumes it; restart the mock for another); every SMS it "sends" is printed with its code.
import { startMockStytch } from "stytch-b2b-sms/mock";

const mock = await startMockStytch({ port: Number(process.env.PORT ?? 0) });
const env = {
  STYTCH_PROJECT_ID: mock.projectId,
  STYTCH_SECRET: mock.secret, // the mock's own test credential, not a real secret
  STYTCH_BASE_URL: mock.url,
  ORGANIZATION_ID: mock.organization.organization_id,
  MEMBER_ID: mock.member.member_id,
  PHONE_NUMBER: "+15005550006",
  INTERMEDIATE_SESSION_TOKEN: mock.createSession(mock.member.member_id, "intermediate_session_token"),
};
for (const [name, value] of Object.entries(env)) console.log(`export ${name}=${value}`);

let printed = 0;
const watcher = setInterval(() => {
  for (const sms of mock.sentSms.slice(printed)) console.log(`# SMS to ${sms.to}: code ${sms.code}`);
  printed = mock.sentSms.length;
}, 200);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    clearInterval(watcher);
    void mock.close();
  });
}

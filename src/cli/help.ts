export const HELP = `stytch-b2b-sms: the Stytch B2B SMS one-time passcode step from the command line
  send          text a code to a Member (POST /v1/b2b/otps/sms/send)
  authenticate  check the code the Member typed (POST /v1/b2b/otps/sms/authenticate)

Usage
  stytch-b2b-sms send --organization-id <id> --member-id <id> [options]
  stytch-b2b-sms authenticate --organization-id <id> --member-id <id> --code <code> <one session option> [options]
  stytch-b2b-sms send|authenticate --mock [options]
  stytch-b2b-sms --help

Both commands
  --organization-id <id>   Organization ID, slug or external ID
  --member-id <id>         Member ID or external ID
  --session-token <token>               a session of the Member; send takes at most one of
  --session-jwt <jwt>                   these three (one is required when the Member already
  --intermediate-session-token <token>  has an active MFA factor), authenticate exactly one
  --json                   print one JSON document on stdout (errors included)
  --timeout <ms>           give up after this many milliseconds (default 30000)
  --base-url <url>         another API origin (default from the project ID; env STYTCH_BASE_URL)
  --mock                   call an embedded mock Stytch started in this process; --organization-id
                           and --member-id default to the mock's seeded Organization (slug "acme")
                           and its Member
  -h, --help               show this help

send
  --phone <+E.164>         phone number to text and link, when the Member has none yet
  --locale <locale>        language of the SMS, e.g. en, es, pt-br, de-DE (default en)
  With --mock, prints the code the mock recorded.

authenticate
  --code <code>                       the code the Member typed
  --session-duration-minutes <n>      5 to 527040 (default 60)
  --session-custom-claims <json>      e.g. '{"team":"red"}'; a null value deletes a claim
  --set-mfa-enrollment enroll|unenroll
  --set-default-mfa true|false
  --telemetry-id <id>
  With --mock, a code is sent through the mock first, and --code and the session default to the
  mock's code and an intermediate session token. The session's token and JWT are never printed.

Credentials
  Read from the environment, never from the command line: STYTCH_PROJECT_ID (project-test-… or
  project-live-…) and STYTCH_SECRET. The secret, codes and session tokens are never printed.

Exit codes
  0  done
  2  usage or validation error: bad options or input the spec forbids; nothing was sent
  3  API error: Stytch answered with an error (error_type, request_id and docs URL are printed)
  4  network error: no connection, or an answer that is not Stytch's JSON (e.g. a proxy's HTML)
  5  timeout: the call passed --timeout; Stytch may have acted on it (sent the SMS, used the code)
  1  anything else

Examples
  STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… \\
    stytch-b2b-sms send --organization-id organization-test-… --member-id member-test-… --phone +15005550006
  STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… \\
    stytch-b2b-sms authenticate --organization-id organization-test-… --member-id member-test-… \\
      --code 123456 --intermediate-session-token …

  stytch-b2b-sms send --mock --phone +15005550006
  stytch-b2b-sms send --mock --organization-id acme --member-id member-test-00000000-0000-4000-8000-000000000002 --phone +15005550006 --json
  stytch-b2b-sms send --mock --locale pt-br          # exit 3: the seeded Member has no phone yet
  stytch-b2b-sms authenticate --mock                 # the whole step: send, then authenticate
  stytch-b2b-sms authenticate --mock --code 000000   # exit 3: otp_code_not_found
`;

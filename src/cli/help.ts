export const HELP = `stytch-b2b-sms: send a Stytch B2B SMS one-time passcode (POST /v1/b2b/otps/sms/send)

Usage
  stytch-b2b-sms send --organization-id <id> --member-id <id> [options]
  stytch-b2b-sms send --mock [options]
  stytch-b2b-sms --help

Options
  --organization-id <id>   Organization ID, slug or external ID
  --member-id <id>         Member ID or external ID
  --phone <+E.164>         phone number to text and link, when the Member has none yet
  --locale <locale>        language of the SMS, e.g. en, es, pt-br, de-DE (default en)
  --session-token <token>               at most one of these three session arguments,
  --session-jwt <jwt>                   required when the Member already has an
  --intermediate-session-token <token>  active MFA factor
  --json                   print one JSON document on stdout (errors included)
  --timeout <ms>           give up after this many milliseconds (default 30000)
  --base-url <url>         another API origin (default from the project ID; env STYTCH_BASE_URL)
  --mock                   send to an embedded mock Stytch started in this process and print the
                           code it recorded; --organization-id and --member-id default to the
                           mock's seeded Organization (slug "acme") and its Member
  -h, --help               show this help

Credentials
  Read from the environment, never from the command line: STYTCH_PROJECT_ID (project-test-… or
  project-live-…) and STYTCH_SECRET. The secret is never printed. --mock needs neither.

Exit codes
  0  sent
  2  usage or validation error: bad options or input the spec forbids; nothing was sent
  3  API error: Stytch answered with an error (error_type, request_id and docs URL are printed)
  4  network error: no connection, or an answer that is not Stytch's JSON (e.g. a proxy's HTML)
  5  timeout: the call passed --timeout; the SMS may have been sent
  1  anything else

Examples
  STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… \\
    stytch-b2b-sms send --organization-id organization-test-… --member-id member-test-… --phone +15005550006

  stytch-b2b-sms send --mock --phone +15005550006
  stytch-b2b-sms send --mock --organization-id acme --member-id member-test-00000000-0000-4000-8000-000000000002 --phone +15005550006 --json
  stytch-b2b-sms send --mock --locale pt-br          # exit 3: the seeded Member has no phone yet
`;

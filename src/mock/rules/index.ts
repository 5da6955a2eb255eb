import type { OperationId } from "../../../generated/operations.ts";
import type { MockStore, Outcome } from "../store.ts";
import { authenticateSms } from "./authenticate.ts";
import { sendSms } from "./send.ts";

/**
 * Each operation's business rules, by the spec's operationId. The server has checked the route, the method,
 * the credentials and the request against the spec before a rule runs. An operation without rules here
 * answers its spec's 200 example.
 */
export const rules: { readonly [id in OperationId]?: (store: MockStore, request: never) => Outcome<object> } = {
  b2bOtpsSmsSend: sendSms,
  b2bOtpsSmsAuthenticate: authenticateSms,
};

import { readFileSync } from "node:fs";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../spec/openapi.yaml", import.meta.url), "utf8"));
const examples = spec.paths["/v1/b2b/otps/sms/send"].post.responses["200"].content["application/json"].examples;

/** The spec's own 200 example, as JSON text: a realistic, valid success body. */
export const SUCCESS_BODY = JSON.stringify((Object.values(examples)[0] as { value: unknown }).value);

export function errorBody(status: number, error_type: string): string {
  return JSON.stringify({ status_code: status, request_id: `request-id-${status}`, error_type, error_message: `${error_type} happened`, error_url: "https://stytch.com/docs" });
}

import { readFileSync } from "node:fs";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../spec/openapi.yaml", import.meta.url), "utf8"));

/** The spec's own 200 example of an operation, as JSON text: a realistic, valid success body. */
export function successBody(path: string): string {
  const examples = spec.paths[path].post.responses["200"].content["application/json"].examples;
  return JSON.stringify((Object.values(examples)[0] as { value: unknown }).value);
}

/** Send's 200 example. */
export const SUCCESS_BODY = successBody("/v1/b2b/otps/sms/send");

export function errorBody(status: number, error_type: string): string {
  return JSON.stringify({ status_code: status, request_id: `request-id-${status}`, error_type, error_message: `${error_type} happened`, error_url: "https://stytch.com/docs" });
}

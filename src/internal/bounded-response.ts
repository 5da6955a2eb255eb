import { readBody } from "./read-body.ts";

/**
 * For `client.api`, where openapi-fetch reads the body itself: the body read here first, bounded as every
 * body is (see readBody), handed on in a response that still reports the status the server sent, even one
 * outside 200–599 that the Response constructor refuses.
 */
export async function boundedResponse(response: Response, maxBytes: number): Promise<Response> {
  const text = await readBody(response, maxBytes);
  const { status, statusText, headers } = response;
  const inRange = status >= 200 && status <= 599;
  const body = status === 204 || status === 205 || status === 304 ? null : text;
  const copy = new Response(body, { status: inRange ? status : 500, statusText, headers });
  return inRange ? copy : Object.defineProperties(copy, { status: { value: status }, ok: { value: false } });
}

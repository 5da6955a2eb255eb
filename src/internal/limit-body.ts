import { StytchDecodeError } from "../errors.ts";

/**
 * Caps what a response may make us read. A declared Content-Length over the cap fails at once; a response
 * without one is counted as it streams and cut off at the cap. A response whose declared length fits is
 * returned untouched (the runtime never reads past a Content-Length).
 */
export function limitBody(response: Response, maxBytes: number): Response {
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared)) {
    if (Number(declared) <= maxBytes) return response;
    void response.body?.cancel().catch(() => {});
    throw tooLarge(response.status, maxBytes);
  }
  if (!response.body) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(response.status, maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function tooLarge(status: number, maxBytes: number): StytchDecodeError {
  return new StytchDecodeError(`${status} response is larger than maxResponseBytes (${maxBytes}); it was cut off`, status, "");
}

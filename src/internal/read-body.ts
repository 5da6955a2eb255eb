import { StytchDecodeError } from "../errors.ts";

/**
 * Reads a response body whole as UTF-8 text, counting the bytes as the runtime hands them over: after
 * decompression, so a small gzip, deflate or br body that inflates without end is cut off at `maxBytes`
 * like any other. Headers are not trusted to bound anything; a declared length over the cap (with no
 * content coding) only fails sooner. The response is read as it is, never rebuilt, so its status stays.
 */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  const declared = response.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes && !response.headers.has("content-encoding")) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(response.status, maxBytes);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    seen += value.byteLength;
    if (seen > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(response.status, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(status: number, maxBytes: number): StytchDecodeError {
  return new StytchDecodeError(`${status} response is larger than maxResponseBytes (${maxBytes}); it was cut off`, status, "");
}

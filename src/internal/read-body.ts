import { StytchDecodeError } from "../errors.ts";

// One decoder for every call: each body is decoded whole, in one synchronous call, so none shares its state.
const decoder = new TextDecoder();

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
  let first: Uint8Array | undefined;
  let chunks: Uint8Array[] | undefined; // only a body that arrives in several chunks allocates a list
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(response.status, maxBytes);
    }
    if (first) (chunks ??= [first]).push(value);
    else first = value;
  }
  if (!chunks) return first ? decoder.decode(first) : "";
  const whole = new Uint8Array(seen);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(whole);
}

function tooLarge(status: number, maxBytes: number): StytchDecodeError {
  return new StytchDecodeError(`${status} response is larger than maxResponseBytes (${maxBytes}); it was cut off`, status, "");
}

import createClient from "openapi-fetch";
import type { paths } from "../../generated/stytch.ts";
import { OutgoingRequest } from "./outgoing-request.ts";
import { readBody } from "./read-body.ts";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What one attempt got back: the response as the server sent it (status, headers) and its body, read whole. */
export interface Received {
  readonly response: Response;
  readonly text: string;
}

// openapi-fetch returns at once, without reading it, when its fetch answers 204; the real answer has been read
// (bounded) by then, so openapi-fetch never reads a body without the size cap.
const READ = new Response(null, { status: 204 });

/**
 * The one place the client talks to openapi-fetch. openapi-fetch builds each request from the typed path
 * (URL with its path and query parameters, headers, JSON body); the body of the answer is read here, bounded
 * by `maxBytes`, whatever the status. A plain `OutgoingRequest` stands in for `Request` (openapi-fetch's
 * `Request` option) so that no Request object is built per call: the runtime's fetch builds its own from
 * `(url, init)`. test/transport.test.ts pins the openapi-fetch behaviour this relies on.
 */
export function createTransport(baseUrl: string, fetch: () => FetchLike, maxBytes: number) {
  const engine = createClient<paths>({ baseUrl, Request: OutgoingRequest as unknown as typeof Request });
  return async function exchange(method: "post", path: keyof paths, init: Omit<RequestInit, "body"> & { body: unknown }): Promise<Received> {
    let received: Received | undefined;
    const read = async (request: Request): Promise<Response> => {
      const { url, init } = request as unknown as OutgoingRequest;
      const response = await fetch()(url, init);
      received = { response, text: await readBody(response, maxBytes) };
      return READ;
    };
    await engine.request(method, path, { ...init, fetch: read } as never);
    return received!;
  };
}

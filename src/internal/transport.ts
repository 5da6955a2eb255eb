import createClient from "openapi-fetch";
import type { paths } from "../../generated/stytch.ts";
import { readBody } from "./read-body.ts";
import type { RequestParts } from "./request-parts.ts";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
export type Exchange = ReturnType<typeof createTransport>;

/** What one attempt got back: the response as the server sent it (status, headers) and its body, read whole. */
export interface Received {
  readonly response: Response;
  readonly text: string;
}

/**
 * What openapi-fetch builds for each call (its `Request` option), handed to `fetch(url, init)` as is: a plain
 * holder instead of a real `Request` saves constructing one per call (the runtime's fetch builds its own),
 * and lets a custom `fetch` receive the standard `(url, init)` pair.
 */
export class OutgoingRequest {
  // openapi-fetch copies onto the request each init key it lacks; declaring the keys a call passes keeps
  // every instance the same shape.
  readonly method: string | undefined = undefined;
  readonly signal: AbortSignal | undefined = undefined;
  readonly redirect: RequestRedirect | undefined = undefined;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {}
}

// openapi-fetch returns at once, without reading it, when its fetch answers 204; the real answer has been read
// (bounded) by then, so openapi-fetch never reads a body without the size cap.
const READ = new Response(null, { status: 204 });

/**
 * The one place the client talks to openapi-fetch. openapi-fetch builds each request from the typed path
 * (URL with its path and query parameters, headers, JSON body); the body of the answer is read here, bounded
 * by `maxBytes`, whatever the status. Two departures from plain openapi-fetch, both here and nowhere else:
 * `OutgoingRequest` stands in for `Request` (measured: building a Request per call cost about a third of the
 * client's CPU), and openapi-fetch is handed an empty 204 so that it reads no body itself (every body must be
 * read bounded, and a response cannot be rebuilt with every status). test/transport.test.ts pins the
 * openapi-fetch behaviour both rely on.
 */
export function createTransport(baseUrl: string, fetch: () => FetchLike, maxBytes: number) {
  const engine = createClient<paths>({ baseUrl, Request: OutgoingRequest as unknown as typeof Request });
  // The operation comes from the generated table, so the path is a plain string here; its types live in the table.
  const request = engine.request as (method: string, path: string, init: object) => Promise<unknown>;
  return async function exchange(method: string, path: string, init: Omit<RequestInit, "body"> & RequestParts): Promise<Received> {
    let received: Received | undefined;
    const read = async (request: Request): Promise<Response> => {
      const { url, init } = request as unknown as OutgoingRequest;
      const response = await fetch()(url, init);
      received = { response, text: await readBody(response, maxBytes) };
      return READ;
    };
    await request(method, path, { ...init, fetch: read });
    return received!;
  };
}

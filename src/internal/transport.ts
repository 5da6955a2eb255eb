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

const NO_HEADERS = new Headers();

/**
 * The one place the client talks to openapi-fetch. openapi-fetch builds each request from the typed path
 * (URL with its path and query parameters, headers, JSON body); the body of the answer is read here, bounded
 * by `maxBytes`, whatever the status. Two departures from plain openapi-fetch, both here and nowhere else:
 * `OutgoingRequest` stands in for `Request` (measured: building a Request per call cost about a third of the
 * client's CPU), and openapi-fetch gets back, in place of the response, an empty 204 holding what was read,
 * so that it reads no body itself (every body must be read bounded, and a response cannot be rebuilt with
 * every status) and hands it back as its `response`. test/transport.test.ts pins the openapi-fetch behaviour
 * both rely on.
 */
export function createTransport(baseUrl: string, fetch: () => FetchLike, maxBytes: number) {
  const read = async ({ url, init }: OutgoingRequest) => {
    const response = await fetch()(url, init);
    const received: Received = { response, text: await readBody(response, maxBytes) };
    return { status: 204, ok: true, headers: NO_HEADERS, received };
  };
  const engine = createClient<paths>({ baseUrl, Request: OutgoingRequest as unknown as typeof Request, fetch: read as never });
  // The operation comes from the generated table, so the path is a plain string here; its types live in the table.
  const request = engine.request as unknown as (method: string, path: string, init: object) => Promise<{ response: { received: Received } }>;
  return async (method: string, path: string, init: Omit<RequestInit, "body"> & Partial<RequestParts>): Promise<Received> =>
    (await request(method, path, init)).response.received;
}

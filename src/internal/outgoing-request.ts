/**
 * What openapi-fetch builds for each call, handed to `fetch(url, init)` as is. openapi-fetch takes the
 * class as its `Request` option; a plain holder instead of a real `Request` saves constructing one per call
 * (the runtime's fetch builds its own), and lets a custom `fetch` receive the standard `(url, init)` pair.
 */
export class OutgoingRequest {
  // openapi-fetch copies onto the request each init key it lacks; declaring the keys a send passes keeps
  // every instance the same shape.
  readonly method: string | undefined = undefined;
  readonly signal: AbortSignal | undefined = undefined;
  readonly redirect: RequestRedirect | undefined = undefined;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {}
}

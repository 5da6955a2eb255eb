/**
 * What openapi-fetch builds for each call, handed to `fetch(url, init)` as is. openapi-fetch takes the
 * class as its `Request` option; a plain holder instead of a real `Request` saves constructing one per call
 * (the runtime's fetch builds its own), and lets a custom `fetch` receive the standard `(url, init)` pair.
 */
export class OutgoingRequest {
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {}
}

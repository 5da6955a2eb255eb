/**
 * A scripted misbehaviour for the next request(s), checked before the request is handled (so no SMS is sent):
 * - `{ status: 503 }` or `{ status: 429, error_type, headers: { "retry-after": "1" } }`: a Stytch error body
 *   (`{ error_type }` alone answers 400);
 * - `{ status: 502, body: "<html>…", contentType: "text/html" }`: exactly this body;
 * - `{ delayMs: 500 }`: answer late (alone: then handle the request normally);
 * - `{ reset: true }`: destroy the connection without answering;
 * - `{ hang: true }`: never answer (until the mock closes).
 */
export interface MockFault {
  status?: number;
  error_type?: string;
  error_message?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  reset?: boolean;
  hang?: boolean;
}

const DEFAULT_ERROR_TYPE: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized_credentials",
  403: "forbidden",
  404: "not_found",
  429: "too_many_requests",
  500: "internal_server_error",
  503: "server_unavailable",
};

export function defaultErrorType(status: number): string {
  return DEFAULT_ERROR_TYPE[status] ?? "internal_server_error";
}

/** Faults waiting for requests, in order. */
export class FaultQueue {
  private readonly queue: MockFault[] = [];

  push(fault: MockFault, times: number): void {
    for (let i = 0; i < times; i++) this.queue.push(fault);
  }

  next(): MockFault | undefined {
    return this.queue.shift();
  }

  clear(): void {
    this.queue.length = 0;
  }
}

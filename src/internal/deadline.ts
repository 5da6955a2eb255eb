/**
 * One signal for a span of time: it fires when `parent` aborts or when `timeoutMs` has passed.
 * A plain timer (cleared by `done()`) rather than `AbortSignal.timeout`, so no timer outlives its call.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Its own timer fired (not the parent). */
  readonly timedOut: boolean;
  remainingMs(): number;
  done(): void;
}

export function startDeadline(timeoutMs: number, parent: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const endsAt = Date.now() + timeoutMs;
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    done() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
}

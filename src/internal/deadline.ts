/**
 * One signal for a whole call: it fires when the caller aborts or when `timeoutMs` has passed.
 * A plain timer (cleared by `done()`) rather than `AbortSignal.timeout`, so no timer outlives its call.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  readonly abortedByCaller: boolean;
  done(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    get abortedByCaller() {
      return callerSignal?.aborted === true && !timedOut;
    },
    done() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

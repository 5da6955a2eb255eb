/**
 * One signal for a span of time: it fires when `parent` aborts or when `timeoutMs` has passed.
 * A plain timer (cleared by `done()`) rather than `AbortSignal.timeout`, so no timer outlives its call.
 * A class with the timer's argument passed through, not closures: it is created for every send.
 */
export class Deadline {
  readonly signal: AbortSignal;
  /** Its own timer fired (not the parent). */
  timedOut = false;
  private readonly controller = new AbortController();
  private readonly endsAt: number;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onParentAbort: (() => void) | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly parent: AbortSignal | undefined,
  ) {
    this.signal = this.controller.signal;
    this.endsAt = Date.now() + timeoutMs;
    this.timer = setTimeout(expire, timeoutMs, this);
    if (parent) {
      this.onParentAbort = () => this.controller.abort(parent.reason);
      if (parent.aborted) this.onParentAbort();
      else parent.addEventListener("abort", this.onParentAbort, { once: true });
    }
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  done(): void {
    clearTimeout(this.timer);
    if (this.onParentAbort) this.parent?.removeEventListener("abort", this.onParentAbort);
  }

  /** @internal */
  expire(): void {
    this.timedOut = true;
    this.controller.abort(new DOMException(`Timed out after ${this.timeoutMs} ms`, "TimeoutError"));
  }
}

function expire(deadline: Deadline): void {
  deadline.expire();
}

import type { Operation } from "../../generated/operations.ts";
import type { CallOptions } from "../call-options.ts";
import type { StytchError } from "../errors.ts";
import type { RetryReason } from "./retry-policy.ts";

/** What a plug-in is told of a call when it starts. */
export interface PluginCall {
  readonly operation: Operation;
  /** The request body as the caller gave it (not yet checked when the plug-in is told). */
  readonly body: unknown;
  readonly options: CallOptions;
  readonly url: string;
}

/**
 * The pipeline's one seam for optional features (the send guard, telemetry), each shipped as its own subpath,
 * so that an app that does not use one does not carry it. `watch` is called once per call, before the
 * request checks, and returns the call's watcher, or nothing to let the call pass unwatched.
 */
export interface Plugin {
  watch(call: PluginCall): CallWatcher | undefined;
}

/**
 * Told each step of one call, in order: `admit` once, after the request checks and before anything is sent
 * (rejecting with a `StytchError` refuses the call: nothing is sent, and the call rejects with that error);
 * `attempted` after each attempt that failed; `end` once, however the call ended (a refused input or a
 * refusal too). The call waits for what `admit` and `end` return; a watcher must not throw.
 */
export type CallWatcher = (step: CallStep) => Promise<void> | void;

export type CallStep =
  | { readonly step: "admit" }
  | {
      readonly step: "attempted";
      readonly attempt: number;
      /** The HTTP status, when an answer arrived. */
      readonly status: number | undefined;
      readonly error: StytchError;
      /** When the client retries: why, and how long it waits first. */
      readonly retry: { readonly reason: RetryReason; readonly delayMs: number } | undefined;
    }
  /** The 200 body and its status (the last attempt's), or the error the call rejects with. */
  | { readonly step: "end"; readonly data?: object; readonly status?: number; readonly error?: StytchError };

/**
 * A plug-in that watches each call around another one (telemetry around the send guard, so that its span
 * covers the guard's refusal): `around` makes the pair, so that the core holds one plug-in and no code to
 * combine them.
 */
export interface OuterPlugin {
  around(inner: Plugin | undefined): Plugin;
}

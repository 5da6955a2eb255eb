import type { FetchOptions, RetryOptions } from "../call-options.ts";
import type { ResponseValidator } from "../response-validation.ts";
import type { Hooks } from "./hooks.ts";
import type { Plugin } from "./plugin.ts";
import type { Exchange } from "./transport.ts";

/** What every call needs from the client that owns it. */
export interface Context {
  readonly exchange: Exchange;
  readonly baseUrl: string;
  /** The client's settings; `retryOn` undefined means the operation's default (from `x-idempotent`). */
  readonly defaults: { readonly timeoutMs: number; readonly maxRetries: number } & Pick<RetryOptions, "attemptTimeoutMs" | "retryOn">;
  readonly fetchOptions: FetchOptions | undefined;
  readonly hooks: Hooks;
  readonly validateResponses: ResponseValidator | undefined;
  /** Client headers plus the fixed ones (Authorization, Content-Type); per-call headers go in between. */
  readonly headers: { readonly client: Record<string, string>; readonly fixed: Record<string, string> };
  /** The project secret and the Basic token: never in an error, a hook payload or any output. */
  readonly secrets: readonly string[];
  /** The optional features that watch every call (telemetry, the send guard), as one. */
  readonly plugin: Plugin | undefined;
}

// Each client's context, kept apart from the client object (which must not hold the secret).
const contexts = new WeakMap<object, Context>();

export function rememberContext(client: object, context: Context): void {
  contexts.set(client, context);
}

/** The context of a client made by `createStytchB2BCore` or `createStytchB2BClient`. */
export function contextOf(client: object): Context {
  const context = contexts.get(client);
  if (!context) throw new TypeError("not a client made by createStytchB2BCore or createStytchB2BClient");
  return context;
}

import type { Operation } from "../../generated/operations.ts";
import { method, operation, type Context, type OperationMethod } from "./pipeline.ts";

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

/**
 * An operation bound to a client's pipeline, settings and credentials, whether or not the client has a
 * method for it: how the CLI calls every operation of its table, and how tests call the operations of a
 * test-only spec.
 */
export function operationMethod(client: object, facts: Operation): OperationMethod<never, object> {
  contextOf(client);
  return method(operation<never, object>(facts), client);
}

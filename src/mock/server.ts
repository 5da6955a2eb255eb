import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Operation } from "../../generated/operations.ts";
import { StytchValidationError } from "../errors.ts";
import { validateRequest } from "../internal/validate-request.ts";
import { defaultErrorType, FaultQueue, type MockFault } from "./faults.ts";
import { requestOf } from "./request.ts";
import { createRouter, type Route } from "./router.ts";
import { rules } from "./rules/index.ts";
import type { MockStore, Outcome } from "./store.ts";

const MAX_BODY_BYTES = 64 * 1024;

/** One request the mock received and what it answered, for assertions. */
export interface MockExchange {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body, parsed when it was JSON. */
  readonly body: unknown;
  readonly status: number;
  /** The response body as sent (undefined when the connection was reset or left hanging). */
  readonly responseBody: unknown;
}

/**
 * The operations a mock serves: an operation table generated from a spec (the `generated/operations.ts`
 * module the codegen writes) with each operation's 200 example, which answers an operation that has no
 * business rules in rules/.
 */
export interface MockApi {
  readonly operations: readonly Operation[];
  readonly successExamples: { readonly [operationId: string]: object };
}

interface ServerOptions {
  readonly api: MockApi;
  readonly credentials: { readonly projectId: string; readonly secret: string };
  readonly store: MockStore;
  readonly faults: FaultQueue;
  readonly exchanges: MockExchange[];
}

/** The HTTP side of the mock: CORS, routing by the operation table, auth, request checks, faults; each operation's business rules live in rules/. */
export async function listen(port: number, options: ServerOptions) {
  const sockets = new Set<Socket>();
  const route = createRouter(options.api.operations);
  const allowedMethods = [...new Set(options.api.operations.map((operation) => operation.method)), "OPTIONS"].join(", ");
  const server = createServer((req, res) => {
    handle(req, res, options, route, allowedMethods).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions, route: (method: string, path: string) => Route, allowedMethods: string): Promise<void> {
  setCors(req, res, allowedMethods);
  if (req.method === "OPTIONS") {
    res.writeHead(204).end();
    return;
  }
  const raw = await readBody(req);
  const body = parseJson(raw);
  const record = (status: number, responseBody: unknown) =>
    options.exchanges.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, status, responseBody });

  const fault = options.faults.next();
  if (fault && (await applyFault(fault, req, res, record))) return;

  const answer = (status: number, payload: Record<string, unknown>, headers?: Record<string, string>) => sendJson(res, record, status, payload, headers);
  const error = (status: number, error_type: string, error_message: string, headers?: Record<string, string>) =>
    answer(status, errorPayload(status, error_type, error_message), headers);

  // Routed by the operation table generated from the spec, as the client is.
  const url = new URL(req.url ?? "/", "http://mock");
  const routed = route(req.method ?? "", url.pathname);
  if ("status" in routed) {
    if (routed.status === 404) return error(404, "not_found", `No route ${req.method} ${url.pathname}.`);
    return error(405, "method_not_allowed", `${url.pathname} takes ${routed.allow}.`, { allow: routed.allow });
  }
  const { operation } = routed;
  if (!authorized(req.headers.authorization, options.credentials)) {
    return error(401, "unauthorized_credentials", "Unauthorized credentials.");
  }
  if (operation.body && body === undefined) return error(400, "invalid_request_body", "The request body must be JSON.");
  if (!operation.body && raw) return error(400, "invalid_request_body", `${operation.method} takes no request body.`);
  let request: unknown;
  try {
    request = requestOf(operation, routed.pathParams, url.searchParams, body);
    // The client's own check, from the same generated rules: the mock refuses exactly what the client would.
    validateRequest(operation.request, request);
  } catch (refused) {
    if (!(refused instanceof StytchValidationError)) throw refused;
    return error(400, requestErrorType(refused, request as Record<string, unknown>), `${refused.message}.`);
  }
  const outcome = Object.hasOwn(rules, operation.id) ? rules[operation.id as keyof typeof rules]!(options.store, request as never) : exampleAnswer(options.api, operation);
  if (!outcome.ok) return error(outcome.status, outcome.error_type, outcome.error_message);
  return answer(200, outcome.body as Record<string, unknown>);
}

/** The answer of an operation without business rules: its spec's 200 example, with this answer's own request_id. */
function exampleAnswer(api: MockApi, operation: Operation): Outcome<object> {
  const { request_id: _, status_code: __, ...body } = api.successExamples[operation.id] as Record<string, unknown>;
  return { ok: true, body };
}

/** Returns true when the fault answered (or dropped) the request itself. */
async function applyFault(
  fault: MockFault,
  req: IncomingMessage,
  res: ServerResponse,
  record: (status: number, body: unknown) => void,
): Promise<boolean> {
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.hang) {
    record(0, undefined);
    return true;
  }
  if (fault.reset) {
    record(0, undefined);
    req.socket.destroy();
    return true;
  }
  if (fault.body !== undefined) {
    const status = fault.status ?? 500;
    record(status, fault.body);
    res.writeHead(status, { "content-type": fault.contentType ?? "text/plain", ...fault.headers }).end(fault.body);
    return true;
  }
  if (fault.status !== undefined || fault.error_type !== undefined) {
    const status = fault.status ?? 400;
    const payload = errorPayload(status, fault.error_type ?? defaultErrorType(status), fault.error_message ?? `Scripted ${status} from the mock.`);
    sendJson(res, record, status, payload, fault.headers);
    return true;
  }
  return false;
}

/** A JSON answer as Stytch sends it (status_code and a fresh request_id in the body), recorded. */
function sendJson(
  res: ServerResponse,
  record: (status: number, body: unknown) => void,
  status: number,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  const responseBody = { status_code: status, request_id: `request-id-mock-${crypto.randomUUID()}`, ...payload };
  record(status, responseBody);
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(responseBody));
}

function errorPayload(status: number, error_type: string, error_message: string): Record<string, unknown> {
  return { error_type, error_message, error_url: `https://stytch.com/docs/api/errors/${status}#${error_type}` };
}

/** The error_type Stytch gives a request that breaks a rule of the spec. */
function requestErrorType(refused: StytchValidationError, request: Record<string, unknown> | undefined): string {
  if (refused.rule === "atMostOne" || refused.rule === "exactlyOne") {
    const given = refused.field.split(", ").filter((field) => request?.[field] !== undefined);
    return given.length > 1 ? "too_many_session_arguments" : "no_session_arguments";
  }
  return ERROR_TYPE_OF_FIELD[refused.field] ?? "invalid_request_body";
}

const ERROR_TYPE_OF_FIELD: Record<string, string> = {
  mfa_phone_number: "invalid_phone_number",
  session_duration_minutes: "invalid_session_duration_minutes",
};

function authorized(header: string | undefined, credentials: { projectId: string; secret: string }): boolean {
  // The scheme name is case-insensitive (RFC 9110 §11.1).
  const match = /^basic +(\S+)$/i.exec(header ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  return decoded === `${credentials.projectId}:${credentials.secret}`;
}

function setCors(req: IncomingMessage, res: ServerResponse, allowedMethods: string): void {
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-allow-methods", allowedMethods);
  res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "authorization, content-type");
  res.setHeader("access-control-max-age", "600");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("mock: request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

import { servers } from "../../generated/servers.ts";
import { StytchValidationError } from "../errors.ts";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The API origin for a call: an explicit `baseUrl`, or the spec's server whose project id prefix matches.
 * An unknown prefix is refused rather than guessed (the official SDK silently treats it as test).
 */
export function resolveBaseUrl(projectId: string, baseUrl: string | undefined): string {
  if (baseUrl !== undefined) return checkedBaseUrl(baseUrl);
  const server = servers.find((s) => projectId.startsWith(s.projectIdPrefix));
  if (!server) {
    const prefixes = servers.map((s) => `"${s.projectIdPrefix}"`).join(" or ");
    throw new StytchValidationError(
      "projectId",
      "environment",
      `projectId must start with ${prefixes} to select an environment; pass baseUrl to use another API origin`,
    );
  }
  return server.url;
}

function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new StytchValidationError("baseUrl", "url", "baseUrl must be an absolute URL such as https://api.stytch.com");
  }
  const loopback = url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !loopback) {
    throw new StytchValidationError("baseUrl", "https", "baseUrl must use https (plain http is allowed only for loopback hosts)");
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new StytchValidationError("baseUrl", "origin", "baseUrl must not contain credentials, a query or a fragment");
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith("/v1")) {
    throw new StytchValidationError("baseUrl", "path", "baseUrl must not end in /v1: the client adds the API path itself");
  }
  return url.origin + path;
}

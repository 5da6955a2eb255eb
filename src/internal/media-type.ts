/**
 * Whether a Content-Type names JSON: `application/json` or any `+json` type, compared without regard to
 * case and parameters (RFC 9110 §8.3.1: type, subtype and parameter names are case-insensitive).
 */
export function isJsonMediaType(contentType: string): boolean {
  const end = contentType.indexOf(";");
  const essence = (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
  return essence === "application/json" || (essence.endsWith("+json") && essence.includes("/"));
}

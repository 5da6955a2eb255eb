/**
 * Removes the given secrets from text that came from elsewhere (a response body, a server-sent header,
 * an error from the runtime): a hostile or broken server can echo the Authorization header back.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = secrets.filter((s) => s.length >= 4);
  return (text) => {
    let out = text;
    for (const needle of needles) out = out.split(needle).join("[redacted]");
    return out;
  };
}

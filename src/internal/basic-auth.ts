/** `Authorization: Basic …` from web-standard APIs only, UTF-8 safe (btoa alone rejects non-Latin-1 text). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** A JSON value stored in Redis by our own code, or null when it does not parse (the caller's zod schema then says what is wrong). */
export function parseStoredJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

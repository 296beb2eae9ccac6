/**
 * Our row ids are uuids. Checked before a query, so a malformed id from a URL is "not found"
 * rather than a database cast error (browser-safe).
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

type Draft = Record<string, unknown>;

/**
 * Before the strict check: a key holding `undefined` is absent (a form draft has them, JSON
 * cannot), and an empty or blank negative_prompt is absent because the gateway must never
 * receive "" (contract §3).
 */
export function normalizeInput(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out: Draft = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === "negative_prompt" && typeof value === "string" && value.trim() === "") continue;
    // Defined, not assigned: JSON.parse makes "__proto__" an own key, and assigning it would set
    // the copy's prototype instead, hiding the key from the strict check and letting its fields
    // through as inherited values.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

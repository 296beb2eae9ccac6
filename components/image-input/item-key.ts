/**
 * Stable React keys for image values, which have no id: values are immutable, so the object
 * itself identifies the item across reorders (a fix makes a new object, and a new card).
 */
const keys = new WeakMap<object, string>();
let next = 0;

export function keyOf(value: object): string {
  let k = keys.get(value);
  if (!k) {
    k = `img-${++next}`;
    keys.set(value, k);
  }
  return k;
}

// Structural sharing for immutable data passed between the worker, the store and the charts.

/**
 * `next` with every part that equals the same part of `prev` (numbers, strings, booleans, plain
 * objects and arrays of them) replaced by `prev`'s object, so reference checks downstream (React
 * memo, Recharts' selectors) see "unchanged" where nothing changed. Returns `prev` itself when the
 * two are equal throughout.
 */
export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== "object" || typeof next !== "object" || prev === null || next === null) return next;
  if (Array.isArray(prev) !== Array.isArray(next)) return next;
  if (!Array.isArray(next) && (Object.getPrototypeOf(next) !== Object.prototype || Object.getPrototypeOf(prev) !== Object.prototype)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = Array.isArray(next) ? ([] as unknown as Record<string, unknown>) : {};
  for (const k of keys) {
    const v = k in p ? shareEqual(p[k], n[k]) : n[k];
    out[k] = v;
    if (v !== p[k]) same = false;
  }
  return same ? prev : (out as T);
}

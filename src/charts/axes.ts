/**
 * Shared by the teaching charts' view models: value guards and log-axis decades. Formatting lives in
 * core/format.ts.
 */

export const ok = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
export const pos = (x: unknown): x is number => ok(x) && x > 0;

/** Powers of ten covering [lo, hi]: the domain snapped outwards and its ticks. */
export function decades(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const a = Math.floor(Math.log10(pos(lo) ? lo : 1));
  const b = Math.max(a + 1, Math.ceil(Math.log10(pos(hi) ? hi : 10)));
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((b - a) / 8));
  for (let e = a; e <= b; e += step) ticks.push(10 ** e);
  return { domain: [10 ** a, 10 ** b], ticks };
}

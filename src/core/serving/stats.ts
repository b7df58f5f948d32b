/**
 * Order statistics for the serving report: nearest-rank percentiles by selection (no sorting of
 * the whole sample) and weighted percentiles for inter-token gaps, which come in runs of equal
 * values (every sequence in an iteration sees the same gap).
 */

export interface Summary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Nearest rank (CONTRACT "Percentiles"): the ⌈p·N/100⌉-th smallest, 1-based, at least the 1st. */
export function nearestRank(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/**
 * The k-th smallest (0-based) of a[lo..hi] in expected linear time (Hoare's quickselect with a
 * median-of-three pivot); reorders `a` in place.
 */
export function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot, moved to a[hi]
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[mid]! < a[hi]!) swap(a, mid, hi);
    const pivot = a[hi]!;
    let i = lo;
    for (let j = lo; j < hi; j++) if (a[j]! < pivot) swap(a, i++, j);
    swap(a, i, hi);
    if (k === i) return a[k]!;
    if (k < i) hi = i - 1;
    else lo = i + 1;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number) {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Mean and nearest-rank p50/p90/p99 of a sample (null for an empty one). Reorders `a`. */
export function summarize(a: Float64Array): Summary | null {
  const n = a.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i]!;
  // p99 ≥ p90 ≥ p50: select the largest rank first, then search only below it.
  const r99 = nearestRank(99, n) - 1;
  const r90 = nearestRank(90, n) - 1;
  const r50 = nearestRank(50, n) - 1;
  const p99 = select(a, r99);
  const p90 = select(a, r90, 0, r99);
  const p50 = select(a, r50, 0, r90);
  return { mean: sum / n, p50, p90, p99 };
}

/** The p-th nearest-rank percentile of a sample (reorders `a`); NaN when empty. */
export function percentile(a: Float64Array, p: number): number {
  return a.length === 0 ? NaN : select(a, nearestRank(p, a.length) - 1);
}

/**
 * Mean and nearest-rank percentiles of a multiset given as values with integer weights (value
 * v[i] occurs w[i] times): sorted by value once, then walked. O(m log m) in the number of distinct
 * runs m, not in the number of samples.
 */
export function summarizeWeighted(values: Float64Array, weights: Float64Array): Summary | null {
  const m = values.length;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    n += weights[i]!;
    sum += values[i]! * weights[i]!;
  }
  if (n === 0) return null;
  const order = Array.from({ length: m }, (_, i) => i).filter((i) => weights[i]! > 0);
  order.sort((i, j) => values[i]! - values[j]!);
  const at = (rank: number) => {
    let seen = 0;
    for (const i of order) {
      seen += weights[i]!;
      if (seen >= rank) return values[i]!;
    }
    return values[order[order.length - 1]!]!;
  };
  return { mean: sum / n, p50: at(nearestRank(50, n)), p90: at(nearestRank(90, n)), p99: at(nearestRank(99, n)) };
}

/**
 * Integer searches over monotone predicates, for the capacity figures (largest batch, longest
 * context) and the critical batches: gallop from a guess, then bisect. Pure.
 */

/** Searches stop here: a batch or context beyond 1e9 tokens is reported as 1e9 (the scenario accepts at most 1e6 and 1e8). */
export const SEARCH_CAP = 1e9;

/** Narrows two integers with ok(t) true and ok(f) false (either order) to neighbours; returns the true one. */
export function narrow(t: number, f: number, ok: (x: number) => boolean): number {
  while (Math.abs(f - t) > 1) {
    const mid = Math.floor((t + f) / 2);
    if (ok(mid)) t = mid;
    else f = mid;
  }
  return t;
}

/**
 * Largest integer x in [lo, SEARCH_CAP] with ok(x), for ok true up to some point and false after
 * it; lo − 1 when ok(lo) is false. Gallops from a guess (clamped to the range), then bisects:
 * two calls when the guess is right, ~2·log2 of the miss otherwise.
 */
export function lastTrue(lo: number, ok: (x: number) => boolean, guess = lo): number {
  if (!ok(lo)) return lo - 1;
  let good = lo;
  const g = Math.min(SEARCH_CAP, Math.max(lo, Math.floor(Number.isFinite(guess) ? guess : lo)));
  if (g > lo) {
    if (ok(g)) good = g;
    else {
      // below the guess: gallop down from it to a true point
      let bad = g;
      for (let step = 1; ; step *= 2) {
        const x = Math.max(lo, bad - step);
        if (x === lo || ok(x)) return narrow(x, bad, ok);
        bad = x;
      }
    }
  }
  for (let step = 1; ; step *= 2) {
    const x = Math.min(SEARCH_CAP, good + step);
    if (x === good) return good;
    if (!ok(x)) return narrow(good, x, ok);
    good = x;
  }
}

/**
 * Smallest integer x in [1, SEARCH_CAP] with ok(x), for ok false up to some point and true after
 * it, starting from a guess (two calls when the guess is right); null when ok(SEARCH_CAP) is false.
 */
export function firstTrue(guess: number, ok: (x: number) => boolean): number | null {
  let g = Math.min(SEARCH_CAP, Math.max(1, Math.round(Number.isFinite(guess) ? guess : 1)));
  if (ok(g)) {
    for (let step = 1; ; step *= 2) {
      const x = Math.max(0, g - step);
      if (x === 0 || !ok(x)) return narrow(g, x, ok); // 0 stands for "false" and is never asked
      g = x;
    }
  }
  for (let step = 1; ; step *= 2) {
    const x = Math.min(SEARCH_CAP, g + step);
    if (ok(x)) return narrow(x, g, ok);
    if (x === SEARCH_CAP) return null;
    g = x;
  }
}

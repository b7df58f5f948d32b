/**
 * The simulator's own seeded random numbers (the core never calls Math.random): the same seed
 * gives the same stream on every JavaScript engine, since only 32-bit integer arithmetic and
 * IEEE-754 doubles are used.
 */

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested to 2^42+ bytes),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Returns a function that
 * yields uniform doubles in [0, 1) with 32 random bits.
 */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as the reference does
  return () => next() / 4294967296;
}

/** Draws from the distributions the serving block names, on one uniform stream. */
export class Random {
  private readonly u: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.u = seededUniform(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.u();
  }

  /** Exponential with the given mean (inverse transform: −mean·ln(1 − U)). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.u());
  }

  /** Standard normal (Marsaglia's polar method; the second value of each pair is kept). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let x: number, y: number, r: number;
    do {
      x = 2 * this.u() - 1;
      y = 2 * this.u() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    this.spare = y * f;
    return x * f;
  }

  /**
   * Log-normal with the given mean and coefficient of variation of the distribution itself:
   * σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so E[X] = mean and sd/mean = cv.
   */
  lognormal(mean: number, cv: number): number {
    const s2 = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * this.normal());
  }

  /**
   * Gamma with the given mean and coefficient of variation (shape k = 1/cv², scale mean/k), by
   * Marsaglia and Tsang (2000); for k < 1 the k + 1 draw times U^(1/k).
   */
  gamma(mean: number, cv: number): number {
    const k = 1 / (cv * cv);
    const theta = mean / k;
    const boost = k < 1 ? Math.pow(this.u(), 1 / k) : 1;
    const kk = k < 1 ? k + 1 : k;
    const d = kk - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.u();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * theta * boost;
    }
  }
}

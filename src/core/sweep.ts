/**
 * Evaluate a scenario over a range of one input (for charts). Pure; runs in the worker.
 */
import { evaluate } from "./cost/evaluate";
import type { Report, Scenario } from "./types";

export type SweepAxis = "promptTokens" | "outputTokens" | "batch" | "chips";

export interface SweepPoint {
  x: number;
  report: Report;
}

/** Applies one axis value to a resolved scenario (batch also moves the prefill batch when they were equal). */
function withAxis(s: Scenario, axis: SweepAxis, v: number): Scenario {
  if (axis === "chips") return { ...s, hardware: { ...s.hardware, chips: v } };
  const w = { ...s.workload, [axis]: v };
  if (axis === "batch" && s.workload.prefillBatch === s.workload.batch) w.prefillBatch = v;
  return { ...s, workload: w };
}

/** evaluate() at each value of `axis` (values are rounded to integers ≥ 1); reports are brief (no prose). */
export function sweep(s: Scenario, axis: SweepAxis, values: readonly number[]): SweepPoint[] {
  return values.map((raw) => {
    const x = Math.max(1, Math.round(raw));
    return { x, report: evaluate(withAxis(s, axis, x), { brief: true }) };
  });
}

/**
 * Like sweep(), but keeps only what `select` picks from each report: long sweeps then retain
 * small rows instead of whole reports (10,000 reports cost the garbage collector more than the
 * arithmetic).
 */
export function sweepSelect<T>(s: Scenario, axis: SweepAxis, values: readonly number[], select: (r: Report, x: number) => T): T[] {
  const out = new Array<T>(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = Math.max(1, Math.round(values[i]!));
    out[i] = select(evaluate(withAxis(s, axis, x), { brief: true }), x);
  }
  return out;
}

/** n points spaced evenly on a log axis from lo to hi, rounded to distinct integers. */
export function logSpace(lo: number, hi: number, n: number): number[] {
  const out: number[] = [];
  const a = Math.log(Math.max(1, lo));
  const b = Math.log(Math.max(lo, hi));
  for (let i = 0; i < n; i++) {
    const v = Math.round(Math.exp(a + ((b - a) * i) / Math.max(1, n - 1)));
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

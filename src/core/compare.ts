/**
 * A/B comparison of two reports: the same headline figures side by side with B − A and B / A.
 * Pure; the page formats each figure by its unit.
 */
import type { Report } from "./types";

/** The unit a compared figure is shown in (SI, unscaled; "usd-per-m" = USD per million tokens). */
export type CompareUnit = "s" | "tokens-per-s" | "usd-per-m" | "bytes" | "fraction" | "count" | "tokens";

export interface CompareRow {
  id: string;
  label: string;
  unit: CompareUnit;
  /** Whether a smaller B is better (times, costs, bytes) or a larger one (throughput, MFU). */
  lowerIsBetter: boolean;
  a: number | null;
  b: number | null;
  /** B − A, or null when either side is missing. */
  diff: number | null;
  /** B / A, or null when either side is missing or A is 0. */
  ratio: number | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** B − A (same unit as the figures); null when either is missing. 3 − 2 → 1. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

/** B / A (dimensionless); null when either is missing or A is 0. 3 / 2 → 1.5. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || a === 0) return null;
  const r = b / a;
  return Number.isFinite(r) ? r : null;
}

const FIGURES: { id: string; label: string; unit: CompareUnit; lowerIsBetter: boolean; get: (r: Report) => unknown }[] = [
  { id: "ttft", label: "Time to first token", unit: "s", lowerIsBetter: true, get: (r) => r.prefill.timeS },
  { id: "tpot", label: "Time per output token", unit: "s", lowerIsBetter: true, get: (r) => r.decode.timePerTokenS },
  { id: "throughput", label: "Output tokens/s", unit: "tokens-per-s", lowerIsBetter: false, get: (r) => r.total.outputTokensPerS },
  { id: "cost-output", label: "Cost per 1M output tokens (all-in)", unit: "usd-per-m", lowerIsBetter: true, get: (r) => r.total.costPerMillionOutputTokensAllIn },
  { id: "cost-input", label: "Cost per 1M input tokens", unit: "usd-per-m", lowerIsBetter: true, get: (r) => r.total.costPerMillionInputTokens },
  { id: "memory-per-chip", label: "Memory per chip", unit: "bytes", lowerIsBetter: true, get: (r) => r.memory.perChipBytes },
  { id: "weights", label: "Weights", unit: "bytes", lowerIsBetter: true, get: (r) => r.memory.weightsBytes },
  { id: "kv-per-token", label: "KV cache per token", unit: "bytes", lowerIsBetter: true, get: (r) => r.memory.kvCacheBytesPerToken },
  { id: "max-batch", label: "Largest batch that fits", unit: "count", lowerIsBetter: false, get: (r) => r.memory.maxBatch },
  { id: "max-context", label: "Longest context that fits", unit: "tokens", lowerIsBetter: false, get: (r) => r.memory.maxContextTokens },
  { id: "mfu", label: "MFU (prefill)", unit: "fraction", lowerIsBetter: false, get: (r) => r.prefill.mfu },
  { id: "mbu", label: "MBU (decode)", unit: "fraction", lowerIsBetter: false, get: (r) => r.decode.mbu },
  { id: "params", label: "Parameters", unit: "count", lowerIsBetter: true, get: (r) => r.params.total },
  { id: "active-params", label: "Active parameters", unit: "count", lowerIsBetter: true, get: (r) => r.params.active },
];

/** The headline figures of A and B with B − A and B / A per row (units per row's `unit`). */
export function compareReports(a: Report | null, b: Report | null): CompareRow[] {
  return FIGURES.map((f) => {
    const va = a ? num(f.get(a)) : null;
    const vb = b ? num(f.get(b)) : null;
    return { id: f.id, label: f.label, unit: f.unit, lowerIsBetter: f.lowerIsBetter, a: va, b: vb, diff: difference(va, vb), ratio: ratio(va, vb) };
  });
}

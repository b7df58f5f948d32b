/**
 * Capacity chart view model: memory per chip against batch by part, and the feasible region (largest batch against context per chip count). Pure; bytes → GB for display.
 */
import type { BatchMemoryPoint, ContextSweep, FeasibleSeries } from "../core/curves";
import { formatContextTick, formatInt, sig } from "../core/format";
import { decades, ok, pos } from "./axes";

export interface MemoryRow {
  x: number;
  /** GB per chip. */
  weights: number;
  kvCache: number;
  activations: number;
  reserve: number;
  fits: boolean;
}

export interface FeasibleRow {
  context: number;
  /** Largest batch for each chip count, keyed "c1", "c2", … (null where nothing fits). */
  [chips: `c${number}`]: number | null;
}

export interface CapacityModel {
  byBatch: MemoryRow[];
  byContext: MemoryRow[];
  /** Capacity per chip (GB), the line the stack must stay under. */
  capacityGB: number;
  /** Top of the stacked charts (GB): room above the capacity line, without letting huge batches flatten it. */
  yMaxGB: number;
  batch: number;
  context: number;
  feasible: FeasibleRow[];
  chipCounts: { chips: number; key: `c${number}`; color: string; current: boolean }[];
  feasibleYDomain: [number, number];
  feasibleYTicks: number[];
  /** Why the feasible region is empty (nothing fits on any chip count shown), else null. */
  feasibleNote: string | null;
  ariaLabel: string;
}

const GB = 1e9;
const row = (x: number, m: { weights: number; kvCache: number; activations: number; reserve: number }, fits: boolean): MemoryRow => ({
  x,
  weights: ok(m.weights) ? m.weights / GB : 0,
  kvCache: ok(m.kvCache) ? m.kvCache / GB : 0,
  activations: ok(m.activations) ? m.activations / GB : 0,
  reserve: ok(m.reserve) ? m.reserve / GB : 0,
  fits,
});

/** Shades from light to dark for 1 … N chips (more chips, darker). */
const CHIP_SHADES = ["#7dd3fc", "#38bdf8", "#0ea5e9", "#0284c7", "#0369a1", "#075985", "#0c4a6e", "#082f49", "#061e30", "#04121d", "#020a10"];

export function capacityModel(args: {
  byBatch: BatchMemoryPoint[];
  sweep: ContextSweep | null | undefined;
  feasible: FeasibleSeries[];
  capacityBytes: number;
  batch: number;
  context: number;
  chips: number;
}): CapacityModel | null {
  if (!pos(args.capacityBytes) || args.byBatch.length < 2) return null;
  const byBatch = args.byBatch.map((p) => row(p.batch, p.memory, p.fits));
  const byContext = (args.sweep?.points ?? []).filter((p) => p.memory).map((p) => row(p.context, p.memory!, p.fits));
  const contexts = args.feasible[0]?.points.map((p) => p.context) ?? [];
  const feasible: FeasibleRow[] = contexts.map((context, i) => {
    const r: FeasibleRow = { context };
    for (const s of args.feasible) {
      const b = s.points[i]?.maxBatch;
      r[`c${s.chips}`] = pos(b) && b >= 1 ? b : null;
    }
    return r;
  });
  const chipCounts = args.feasible.map((s, i) => ({
    chips: s.chips,
    key: `c${s.chips}` as const,
    color: CHIP_SHADES[Math.min(CHIP_SHADES.length - 1, i)]!,
    current: s.chips === args.chips,
  }));
  const bs = feasible.flatMap((r) => chipCounts.map((c) => r[c.key])).filter(pos);
  const fd = decades(1, bs.length ? Math.max(...bs, 2) : 10);
  const capacityGB = args.capacityBytes / GB;
  const total = (r: MemoryRow) => r.weights + r.kvCache + r.activations + r.reserve;
  const smallest = Math.min(...[...byBatch, ...byContext].map(total));
  const yMaxGB = Math.max(capacityGB * 1.5, ok(smallest) ? smallest * 1.2 : 0);
  const oneChip = args.feasible[0];
  const most = chipCounts[chipCounts.length - 1]?.chips ?? 1;
  const feasibleNote =
    bs.length === 0 && chipCounts.length > 0
      ? `Not even one sequence fits on ${most === 1 ? "one chip" : `up to ${most} chips`} at any context shown: the weights and runtime reserve alone need more memory. Add chips or lower the weight precision.`
      : null;
  const ariaLabel =
    `Memory per chip stacked by part against batch and against context, with the capacity line at ${sig(capacityGB)} GB; ` +
    `and the largest batch that fits against context for ${chipCounts.map((c) => c.chips).join(", ")} chips.` +
    (feasibleNote ? ` ${feasibleNote}` : oneChip ? ` On one chip, at ${formatContextTick(contexts[0] ?? 0)} tokens the largest batch is ${formatInt(oneChip.points[0]?.maxBatch ?? 0)}.` : "");
  return {
    byBatch,
    byContext,
    capacityGB,
    yMaxGB,
    batch: args.batch,
    context: args.context,
    feasible,
    chipCounts,
    feasibleYDomain: fd.domain,
    feasibleYTicks: fd.ticks,
    feasibleNote,
    ariaLabel,
  };
}

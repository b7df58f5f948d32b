/**
 * Pure view models for the charts: the worker's sweep and report in, rows and labels out.
 * Only unit scaling for display happens here (seconds → ms); every quantity comes from the core.
 */
import { formatContextTick } from "../core/format";
import type { TimeBreakdown } from "../core";
import type { ContextSweep } from "../core/curves";
import { PALETTE, TIME_COMPONENTS, type TimeComponentKey } from "./palette";

export type Phase = "prefill" | "decode";

/** One x position of a breakdown chart: seconds scaled to the chart's unit, per component. */
export type BreakdownRow = { context: number; total: number; fits: boolean } & Record<TimeComponentKey, number>;

export interface TimeUnit {
  name: "µs" | "ms" | "s";
  /** Multiply seconds by this to get the unit. */
  perSecond: number;
}

export interface Dominant {
  key: TimeComponentKey;
  label: string;
  color: string;
  /** Fraction of the phase time (0..1). */
  share: number;
}

export interface PhaseChartModel {
  phase: Phase;
  title: string;
  unit: TimeUnit;
  rows: BreakdownRow[];
  /** Components that are non-zero somewhere in the sweep, in stacking order. */
  series: { key: TimeComponentKey; label: string; color: string }[];
  /** The scenario's context for this phase (tokens). */
  marker: number;
  markerLabel: string;
  /** The largest component at the scenario's own context (from the report), or null. */
  dominant: Dominant | null;
}

export interface BreakdownChartModel {
  prefill: PhaseChartModel;
  decode: PhaseChartModel;
  /** Log-axis domain and ticks (tokens). */
  xDomain: [number, number];
  xTicks: number[];
  /** First context that no longer fits in memory, or null when the whole sweep fits. */
  notFitFrom: number | null;
  ariaLabel: string;
}

const finite = (x: unknown): number => (typeof x === "number" && Number.isFinite(x) && x > 0 ? x : 0);

/** The largest of seconds-valued quantities → a readable unit. */
export function timeUnitFor(maxSeconds: number): TimeUnit {
  const m = finite(maxSeconds);
  if (m > 0 && m < 2e-3) return { name: "µs", perSecond: 1e6 };
  if (m >= 2) return { name: "s", perSecond: 1 };
  return { name: "ms", perSecond: 1e3 };
}

/** The largest component of a breakdown and its share, or null when the breakdown is empty. */
export function dominantOf(b: TimeBreakdown | null | undefined): Dominant | null {
  if (!b) return null;
  let sum = 0;
  let best: (typeof TIME_COMPONENTS)[number] | null = null;
  let bestValue = 0;
  for (const c of TIME_COMPONENTS) {
    const v = finite(b[c.key]);
    sum += v;
    if (v > bestValue) {
      bestValue = v;
      best = c;
    }
  }
  if (!best || sum <= 0) return null;
  return { key: best.key, label: best.label, color: best.color, share: bestValue / sum };
}

/** Powers of two inside [lo, hi], thinned to at most `max` ticks. */
export function log2Ticks(lo: number, hi: number, max = 7): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const first = Math.ceil(Math.log2(lo));
  const last = Math.floor(Math.log2(hi));
  const n = last - first + 1;
  if (n <= 0) return [lo];
  const step = Math.max(1, Math.ceil(n / max));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += step) ticks.push(2 ** e);
  return ticks;
}


function phaseModel(
  sweep: ContextSweep,
  phase: Phase,
  reportBreakdown: TimeBreakdown | null,
): PhaseChartModel {
  const pick = (p: ContextSweep["points"][number]) => (phase === "prefill" ? p.prefill : p.decode);
  const totalOf = (p: ContextSweep["points"][number]) => finite(phase === "prefill" ? p.prefillS : p.decodeStepS);
  const points = sweep.points.filter((p) => Number.isFinite(p.context) && p.context > 0);
  const unit = timeUnitFor(Math.max(0, ...points.map(totalOf)));
  const used = new Set<TimeComponentKey>();
  const rows: BreakdownRow[] = points.map((p) => {
    const b = pick(p);
    const row = { context: p.context, fits: p.fits, total: 0 } as BreakdownRow;
    for (const c of TIME_COMPONENTS) {
      const v = finite(b[c.key]) * unit.perSecond;
      row[c.key] = v;
      row.total += v;
      if (v > 0) used.add(c.key);
    }
    return row;
  });
  const marker = phase === "prefill" ? sweep.promptTokens : sweep.meanDecodeContext;
  return {
    phase,
    title: phase === "prefill" ? "Prefill time (whole prompt)" : "Decode step time (one token)",
    unit,
    rows,
    series: TIME_COMPONENTS.filter((c) => used.has(c.key)).map(({ key, label, color }) => ({ key, label, color })),
    marker: finite(marker),
    markerLabel: phase === "prefill" ? "your prompt" : "mean decode context",
    dominant: dominantOf(reportBreakdown),
  };
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The breakdown chart's whole view model; null when there is nothing to draw. */
export function breakdownChartModel(
  sweep: ContextSweep | null | undefined,
  report: { prefill: { breakdown: TimeBreakdown }; decode: { breakdown: TimeBreakdown } } | null | undefined,
): BreakdownChartModel | null {
  if (!sweep || sweep.points.length < 2) return null;
  const prefill = phaseModel(sweep, "prefill", report?.prefill.breakdown ?? null);
  const decode = phaseModel(sweep, "decode", report?.decode.breakdown ?? null);
  if (prefill.rows.length < 2) return null;
  const lo = prefill.rows[0]!.context;
  const hi = prefill.rows[prefill.rows.length - 1]!.context;
  const notFit = prefill.rows.find((r) => !r.fits);
  const say = (m: PhaseChartModel) =>
    m.dominant ? `${m.title.split(" (")[0]}: mostly ${m.dominant.label.toLowerCase()} (${pct(m.dominant.share)}) at your context` : "";
  const ariaLabel = [
    `Prefill time and decode step time by component against context length, ${formatContextTick(lo)} to ${formatContextTick(hi)} tokens on a log axis.`,
    say(prefill),
    say(decode),
    notFit ? `Beyond ${formatContextTick(notFit.context)} tokens the batch no longer fits in memory.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    prefill,
    decode,
    xDomain: [lo, hi],
    xTicks: log2Ticks(lo, hi),
    notFitFrom: notFit ? notFit.context : null,
    ariaLabel,
  };
}

/** One stacked component: at each row's context, the band runs from y0 to y1 (chart units or share). */
export interface Band {
  key: TimeComponentKey;
  label: string;
  color: string;
  /** [context, y0, y1] per row. */
  pts: [number, number, number][];
}


export interface StackedPhase {
  bands: Band[];
  yDomain: [number, number];
  yTicks: number[];
}

/** Series stacked in order over rows: each band runs from the sum of the ones before it to that plus its own value. */
export function stackBands<R, S extends { key: string }>(rows: readonly R[], series: readonly S[], x: (r: R) => number, value: (r: R, key: S["key"]) => number): (S & { pts: [number, number, number][] })[] {
  const base = rows.map(() => 0);
  return series.map((s) => ({
    ...s,
    pts: rows.map((r, i): [number, number, number] => {
      const y0 = base[i]!;
      base[i] = y0 + value(r, s.key);
      return [x(r), y0, base[i]!];
    }),
  }));
}

/** 0 to at least `max` in 3–6 steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number): number[] {
  const m = finite(max);
  if (m === 0) return [0, 1];
  const raw = m / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * p >= raw) ?? 10) * p;
  const n = Math.ceil(m / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * The components of one phase stacked in order (each on top of the ones before it), as time in the
 * phase's unit or, with "share", as a fraction of the row's total (a row with no time stays at 0).
 */
export function stackPhase(m: PhaseChartModel, scale: "time" | "share"): StackedPhase {
  const bands = stackBands(m.rows, m.series, (r) => r.context, (r, key) => (scale === "share" ? (r.total > 0 ? r[key] / r.total : 0) : r[key]));
  const yTicks = scale === "share" ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(Math.max(0, ...m.rows.map((r) => r.total)));
  return { bands, yDomain: [0, yTicks[yTicks.length - 1]!], yTicks };
}

// ---------------------------------------------------------------------------------------------
// Memory per chip against capacity.

export interface MemorySegment {
  key: "weights" | "kvCache" | "activations" | "reserve";
  label: string;
  color: string;
  bytes: number;
  /** Width as a fraction of the bar (0..1); the bar spans max(capacity, need). */
  fraction: number;
}

export interface MemoryBarModel {
  segments: MemorySegment[];
  /** Where capacity ends along the bar (0..1): 1 when everything fits. */
  capacityAt: number;
  /** Need (incl. reserve) as a fraction of capacity; null without a capacity. */
  used: number | null;
  fits: boolean;
}

/** The parts of memory per chip, in stacking order, with their colours (memory bar and capacity chart). */
export const MEMORY_PARTS = [
  { key: "weights", label: "Weights", color: PALETTE.weights },
  { key: "kvCache", label: "KV cache", color: PALETTE.kvCache },
  { key: "activations", label: "Activations", color: PALETTE.activations },
  { key: "reserve", label: "Runtime reserve", color: PALETTE.reserve },
] as const;

/** The per-chip memory bar from the report's `memory.perChip` and `capacityBytes`. */
export function memoryBarModel(memory: {
  perChip: Record<MemorySegment["key"], number>;
  capacityBytes: number;
  /** Capacity less the runtime reserve: what `fits` is judged against (defaults to capacity). */
  usableBytes?: number;
  fits: boolean;
}): MemoryBarModel {
  const parts = MEMORY_PARTS.map((p) => ({ ...p, bytes: finite(memory.perChip[p.key]) }));
  const need = parts.reduce((a, p) => a + p.bytes, 0);
  const capacity = finite(memory.capacityBytes);
  const usable = memory.usableBytes === undefined ? capacity : finite(memory.usableBytes);
  const span = Math.max(need, capacity);
  // the share of the usable memory the model needs (the reserve is what makes capacity usable),
  // so the percentage, the bar and "does not fit" agree: fits ⇔ used ≤ 100 %
  const needed = need - finite(memory.perChip.reserve);
  return {
    segments: parts.map((p) => ({ ...p, fraction: span > 0 ? p.bytes / span : 0 })),
    capacityAt: span > 0 ? capacity / span : 1,
    used: usable > 0 ? needed / usable : null,
    fits: memory.fits,
  };
}

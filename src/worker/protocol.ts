/**
 * The protocol between the page and the cost worker: types only, so both sides agree at compile
 * time and nothing is bundled twice. The worker and the in-thread fallback implement `CostApi`
 * with the same functions (src/worker/api.ts).
 */
import type { AttentionFigures, FieldIssue, FrontierPoint, Precision, Report, RooflinePoint, Scenario, ScenarioInput, Term, TermId } from "../core";

// The chart data types live in the core (core/curves.ts), which computes them.
import type { BatchMemoryPoint, ContextSweep, FeasibleSeries } from "../core/curves";
export type { BatchMemoryPoint, ContextAttention, ContextPoint, ContextSweep, FeasibleSeries, MemoryParts } from "../core/curves";

/** Teaching figures for the current scenario, all from the core. */
export interface Insights {
  roofline: RooflinePoint[];
  attention: AttentionFigures;
  terms: Record<TermId, Term>;
  byBatch: BatchMemoryPoint[];
  feasible: FeasibleSeries[];
}

export interface FrontierAnswer {
  points: FrontierPoint[];
  /** Time the worker spent computing them (ms). */
  ms: number;
}

/** The numbers and the roofline of one input, small enough to compute ahead for a slider's neighbourhood. */
export interface Headline {
  report: Report;
  roofline: RooflinePoint[];
  /** Sequences per decode step (the roofline's "your batch"). */
  batch: number;
  /** Chips per replica and weight precision (the frontier's "you are here"). */
  chips: number;
  weights: Precision;
}

/** Everything the page needs about one scenario input. */
export interface Analysis {
  /** The resolved scenario (presets applied, defaults filled), or null if resolution failed. */
  scenario: Scenario | null;
  /** Problems found while resolving the input (each names its field). */
  issues: FieldIssue[];
  report: Report | null;
  sweep: ContextSweep | null;
  /** A message when the core could not evaluate the input at all. */
  error: string | null;
  /** Roofline points, attention figures, "why?" terms, capacity sweeps; null if they failed. */
  insights?: Insights | null;
}

export type { PinnedAnalysis, CurvePoint } from "./pinned";

export interface CostApi {
  analyse(input: ScenarioInput): Analysis;
  /** What the page shows in an input's own frame, for inputs one control move away (computed ahead; null where one fails). */
  reports(inputs: ScenarioInput[]): (Headline | null)[];
  /** Scenario A of an A/B comparison: report and a light sweep (src/worker/pinned.ts). */
  analysePinned?(input: ScenarioInput): import("./pinned").PinnedAnalysis;
  /** The latency–cost frontier (chips × batch × weight precision) for the input's model and hardware. */
  frontier(input: ScenarioInput): FrontierAnswer | null;
  /** Benchmark hook: ms to sweep `n` prompt lengths of `input` (scripts/bench-ui.mjs). */
  sweepTiming?(input: ScenarioInput, n: number): number;
}

/**
 * The protocol between the page and the cost worker: types only, so both sides agree at compile
 * time and nothing is bundled twice. The worker and the in-thread fallback implement `CostApi`
 * with the same functions (src/worker/api.ts).
 */
import type { AttentionFigures, FieldIssue, FrontierPoint, Report, RooflinePoint, Scenario, ScenarioInput, Term, TermId, TimeBreakdown } from "../core";

/** One context length of the chart's sweep: prefill of a prompt this long, and one decode step at it. */
export interface ContextPoint {
  /** Context length in tokens. */
  context: number;
  /** Prefill of `context` prompt tokens (whole batch), seconds by component. */
  prefill: TimeBreakdown;
  prefillS: number;
  /** One decode step with `context` tokens in the KV cache (whole batch), seconds by component. */
  decode: TimeBreakdown;
  decodeStepS: number;
  /** Whether the batch still fits in memory at this context. */
  fits: boolean;
  /** Attention against everything else at this context (teaching charts; absent if not computed). */
  attention?: ContextAttention;
  /** Memory per chip at this context, by part (bytes). */
  memory?: MemoryParts;
}

/** FLOPs and bytes of attention against the rest at one context length (whole batch). */
export interface ContextAttention {
  prefillAttentionFlops: number;
  prefillOtherFlops: number;
  decodeAttentionFlops: number;
  decodeOtherFlops: number;
  /** One decode step reads the KV cache and the weights (bytes, all chips). */
  decodeKvBytes: number;
  decodeWeightBytes: number;
  /** Score-matrix HBM traffic of a prefill without FlashAttention (bytes, all layers). */
  scoreMatrixTrafficBytes: number;
}

export interface MemoryParts {
  weights: number;
  kvCache: number;
  activations: number;
  reserve: number;
}

/** Memory per chip at one batch size (capacity chart). */
export interface BatchMemoryPoint {
  batch: number;
  memory: MemoryParts;
  fits: boolean;
}

/** Largest batch that fits against context, for one chip count (feasible region). */
export interface FeasibleSeries {
  chips: number;
  points: { context: number; maxBatch: number }[];
}

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

export interface ContextSweep {
  points: ContextPoint[];
  /** The scenario's prompt length (tokens): the prefill marker. */
  promptTokens: number;
  /** The scenario's mean decode context (tokens): the decode marker. */
  meanDecodeContext: number;
  /** Longest context that fits at this batch (tokens), from the report. */
  maxContextTokens: number;
}

/** The numbers and the roofline of one input, small enough to compute ahead for a slider's neighbourhood. */
export interface Headline {
  report: Report;
  roofline: RooflinePoint[];
  /** Sequences per decode step (the roofline's "your batch"). */
  batch: number;
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

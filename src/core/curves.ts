/**
 * The data of the page's curves, computed here so that every number comes from the core: the
 * context grid, the context sweep behind the breakdown and attention charts, memory against batch,
 * the feasible region, and scenario A's comparison curve. The worker only caches these.
 * Units: tokens, seconds (whole batch), bytes per chip, FLOPs and bytes for all chips.
 */
import { meanCappedContext } from "./cost/model";
import { attentionFigures } from "./insights";
import { MODEL_PRESETS } from "./model/presets";
import { logSpace, sweep } from "./sweep";
import type { Scenario, TimeBreakdown } from "./types";

/** Points per chart series (Recharts stays fast well below ~60). */
export const SWEEP_POINTS = 40;
/** The grid's upper end when the model has no preset window (tokens): 128k, today's common window. */
const DEFAULT_MAX_CONTEXT = 131072;
/** No grid reaches past 16M tokens (the scenario accepts prompts up to 1e8, but no chart needs them). */
const SWEEP_CAP = 16_777_216;

/**
 * Log-spaced integer context lengths covering the current prompt and the model's context window:
 * from min(64, prompt) to max(maxContext, 2 × prompt + output), at most `n` distinct values.
 */
export function contextGrid(promptTokens: number, outputTokens: number, maxContext: number, n = SWEEP_POINTS): number[] {
  const p = Number.isFinite(promptTokens) && promptTokens >= 1 ? promptTokens : 1;
  const o = Number.isFinite(outputTokens) && outputTokens >= 0 ? outputTokens : 0;
  const lo = Math.max(1, Math.min(64, p));
  const hi = Math.min(SWEEP_CAP, Math.max(lo * 2, maxContext, 2 * p + o));
  return logSpace(lo, hi, n);
}

/** The grid for a scenario: its prompt and output, and its preset's window (else 128k). */
export function scenarioContextGrid(s: Scenario): number[] {
  const preset = s.model.preset ? MODEL_PRESETS.find((p) => p.id === s.model.preset) : undefined;
  return contextGrid(s.workload.promptTokens, s.workload.outputTokens, preset?.maxContext ?? DEFAULT_MAX_CONTEXT);
}

/** Memory per chip by part (bytes). */
export interface MemoryParts {
  weights: number;
  kvCache: number;
  activations: number;
  reserve: number;
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

export interface ContextSweep {
  points: ContextPoint[];
  /** The scenario's prompt length (tokens): the prefill marker. */
  promptTokens: number;
  /** The scenario's mean decode context (tokens): the decode marker. */
  meanDecodeContext: number;
  /** Longest context that fits at this batch (tokens), from the report. */
  maxContextTokens: number;
}

/** The scenario with one output token: each point of a context sweep is a prefill and one decode step at that context. */
const oneToken = (s: Scenario): Scenario => ({ ...s, workload: { ...s.workload, outputTokens: 1 } });

/** Prefill and one decode step at each context of the grid, with attention figures and memory per chip. */
export function contextPoints(s: Scenario, grid: readonly number[]): ContextPoint[] {
  const one = oneToken(s);
  return sweep(one, "promptTokens", grid).map(({ x: context, report: r }) => {
    const a = attentionFigures({ ...one, workload: { ...one.workload, promptTokens: context } }, r);
    return {
      attention: {
        prefillAttentionFlops: a.prefillAttentionFlops,
        prefillOtherFlops: a.prefillOtherFlops,
        decodeAttentionFlops: a.decodeAttentionFlops,
        decodeOtherFlops: a.decodeOtherFlops,
        decodeKvBytes: r.memory.kvCacheBytes,
        decodeWeightBytes: r.memory.weightsBytes,
        scoreMatrixTrafficBytes: a.scoreMatrixTrafficBytes,
      },
      memory: r.memory.perChip,
      context,
      prefill: r.prefill.breakdown,
      prefillS: r.prefill.timeS,
      decode: r.decode.breakdown,
      decodeStepS: r.decode.timePerTokenS,
      fits: r.memory.fits,
    };
  });
}

/** The sweep with the scenario's markers: its prompt, its mean decode context (P + (O+1)/2, meanCappedContext) and the longest context that fits. */
export function contextSweepOf(s: Scenario, points: ContextPoint[], maxContextTokens: number): ContextSweep {
  const { promptTokens, outputTokens } = s.workload;
  return { points, promptTokens, meanDecodeContext: meanCappedContext(promptTokens, outputTokens, Infinity), maxContextTokens };
}

/** Memory per chip at one batch size (capacity chart). */
export interface BatchMemoryPoint {
  batch: number;
  memory: MemoryParts;
  fits: boolean;
}

/** Batch sizes of the capacity chart (sequences): 1 … 4096, 25 log-spaced. */
export const BATCH_GRID = logSpace(1, 4096, 25);

/** Memory per chip against batch at the scenario's context. */
export function batchMemoryPoints(s: Scenario): BatchMemoryPoint[] {
  return sweep(s, "batch", BATCH_GRID).map(({ x, report: r }) => ({ batch: x, memory: r.memory.perChip, fits: r.memory.fits }));
}

/** Largest batch that fits against context, for one chip count (feasible region). */
export interface FeasibleSeries {
  chips: number;
  points: { context: number; maxBatch: number }[];
}

/** Chip counts of the feasible region: 1, 2, 4 … up to max(8, chips), capped at 1024, ending at that count. */
export function feasibleChipCounts(chips: number): number[] {
  const top = Math.min(1024, Math.max(8, chips));
  const counts: number[] = [];
  for (let c = 1; c <= top; c *= 2) counts.push(c);
  if (counts[counts.length - 1] !== top) counts.push(top);
  return counts;
}

/** Largest batch that fits against context (every other grid point, and the last) for each chip count. */
export function feasibleRegion(s: Scenario, grid: readonly number[]): FeasibleSeries[] {
  const coarse = grid.filter((_, i) => i % 2 === 0 || i === grid.length - 1);
  return feasibleChipCounts(s.hardware.chips).map((c) => {
    const sc = oneToken({ ...s, hardware: { ...s.hardware, chips: c } });
    return { chips: c, points: sweep(sc, "promptTokens", coarse).map(({ x, report: r }) => ({ context: x, maxBatch: r.memory.maxBatch })) };
  });
}

/** One context length of a comparison curve (seconds, whole batch). */
export interface CurvePoint {
  context: number;
  prefillS: number;
  decodeStepS: number;
  fits: boolean;
}

/** Prefill time and one decode step against context length (one output token per point), on the scenario's grid. */
export function comparisonCurve(s: Scenario): CurvePoint[] {
  return sweep(oneToken(s), "promptTokens", scenarioContextGrid(s)).map(({ x, report: r }) => ({
    context: x,
    prefillS: r.prefill.timeS,
    decodeStepS: r.decode.timePerTokenS,
    fits: r.memory.fits,
  }));
}

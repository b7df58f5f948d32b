/**
 * The protocol between the page and the cost worker: types only, so both sides agree at compile
 * time and nothing is bundled twice. The worker and the in-thread fallback implement `CostApi`
 * with the same functions (src/worker/api.ts).
 */
import type { FieldIssue, Report, Scenario, ScenarioInput, TimeBreakdown } from "../core";

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
}

export type { PinnedAnalysis, CurvePoint } from "./pinned";

export interface CostApi {
  analyse(input: ScenarioInput): Analysis;
  /** Scenario A of an A/B comparison: report and a light sweep (src/worker/pinned.ts). */
  analysePinned?(input: ScenarioInput): import("./pinned").PinnedAnalysis;
}

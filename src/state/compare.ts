/**
 * A/B comparison and distillation break-even as seen by the page: thin compositions of the core's
 * compareReports and distillBreakEven over the store's two analyses, and the "start B from A"
 * actions (quantize, prune, pick a smaller student). Every number comes from the core.
 */
import { compareReports } from "../core/compare";
import { distillBreakEven } from "../core/distill";
import type { CompareRow, DistillOutcome, Report, Scenario, ScenarioInput } from "../core";
import type { CalculatorState, CalculatorStore } from "./store";

export const selectCompare = (s: CalculatorState) => s.compare;
export const selectPinned = (s: CalculatorState) => s.result.pinned ?? null;

/** Rows of the side-by-side table (A, B, B − A, B / A). */
export function compareRowsFor(a: Report | null, b: Report | null): CompareRow[] {
  return compareReports(a, b);
}

/** What a B made from A changes, for the quick buttons. */
export type QuickB = "int4" | "fp8" | "sparse-2:4" | "student";

/** Pin the current scenario as A (unless one is pinned) and change B in one step. */
export function startB(store: CalculatorStore, kind: QuickB, studentPreset?: string): void {
  const st = store.getState();
  if (!st.compare) st.pinCompare();
  const input = store.getState().input;
  const next: ScenarioInput = structuredClone(input);
  if (kind === "int4" || kind === "fp8") next.precision = { ...(next.precision ?? {}), weights: kind };
  if (kind === "sparse-2:4") next.sparsity = { weights: "2:4" };
  if (kind === "student" && studentPreset) {
    // A student is another model, not a variant of B: it starts from A's precision and sparsity,
    // whatever quantized or pruned B was being tried before.
    const a = store.getState().compare;
    next.model = { preset: studentPreset };
    if (a?.precision) next.precision = structuredClone(a.precision);
    else delete next.precision;
    if (a?.sparsity) next.sparsity = structuredClone(a.sparsity);
    else delete next.sparsity;
  }
  store.getState().loadInput(next, []);
}

/** The user's assumptions for the break-even (everything else comes from A's and B's reports). */
export interface DistillAssumptions {
  /** Training tokens for the student (0 = no training: quantization or pruning as-is). */
  trainingTokens: number;
  /** MFU reached in training (0–1]. */
  mfu: number;
  /** Requests per second served. */
  requestsPerS: number;
  /** Count the teacher's forward pass over the training tokens (logit distillation). */
  teacherForward: boolean;
}

export const DEFAULT_DISTILL: DistillAssumptions = { trainingTokens: 2e10, mfu: 0.4, requestsPerS: 10, teacherForward: true };

/**
 * Teacher = A, student = B. Training runs on B's accelerator type at its bf16 peak and price per
 * chip-hour; traffic uses B's prompt and output lengths.
 */
export function distillFor(a: { report: Report | null; scenario: Scenario | null } | null, b: { report: Report | null; scenario: Scenario | null } | null, as: DistillAssumptions): DistillOutcome | null {
  if (!a?.report || !b?.report || !b.scenario) return null;
  const hw = b.scenario.hardware;
  return distillBreakEven({
    studentParams: b.report.params.total,
    teacherParams: as.teacherForward ? a.report.params.total : 0,
    trainingTokens: as.trainingTokens,
    mfu: as.mfu,
    peakFlops: hw.peakFlops.bf16 ?? hw.peakFlops.fp16 ?? 0,
    pricePerChipHour: hw.pricePerHour ?? NaN,
    requestsPerS: as.requestsPerS,
    promptTokens: b.scenario.workload.promptTokens,
    outputTokens: b.scenario.workload.outputTokens,
    teacher: a.report.total,
    student: b.report.total,
  });
}
export type { Analysis, PinnedAnalysis, CurvePoint } from "../worker/protocol";

/**
 * A/B comparison and distillation break-even as seen by the page: thin compositions of the core's
 * compareReports and distillBreakEven over the store's two analyses, and the "start B from A"
 * actions (quantize, prune, pick a smaller student). Every number comes from the core.
 */
import { compareReports } from "../core/compare";
import type { CompareRow, Report, ScenarioInput } from "../core";
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

export { breakEvenAgainstTraffic, DEFAULT_DISTILL, DISTILL_RANGES, distillAssumptions, distillFor, distillInputFor, rateToBreakEvenWithin, type BreakEvenPoint, type DistillAssumptions, type DistillResult } from "../core/distill";
export type { Analysis, PinnedAnalysis, CurvePoint } from "../worker/protocol";

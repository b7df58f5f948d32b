/**
 * Scenario A of an A/B comparison: what the page needs to set it beside B. Headline report plus a
 * light context sweep (prefill time and decode step time against context length) for the overlay
 * chart; no teaching-chart insights, and its own state, so evaluating A never evicts B's caches.
 * Only composes core calls; every number comes from the core.
 */
import { evaluate, resolveScenario, type FieldIssue, type Report, type Scenario, type ScenarioInput } from "../core";
import { comparisonCurve, type CurvePoint } from "../core/curves";

export { comparisonCurve, type CurvePoint };

export interface PinnedAnalysis {
  scenario: Scenario | null;
  issues: FieldIssue[];
  report: Report | null;
  curve: CurvePoint[];
  error: string | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Resolve, evaluate and sweep scenario A. Never throws. */
export function analysePinned(input: ScenarioInput): PinnedAnalysis {
  try {
    const { scenario, issues } = resolveScenario(input);
    const report = evaluate(scenario);
    let curve: CurvePoint[] = [];
    try {
      curve = comparisonCurve(scenario);
    } catch {
      curve = [];
    }
    return { scenario, issues, report, curve, error: null };
  } catch (e) {
    return { scenario: null, issues: [], report: null, curve: [], error: `Could not evaluate scenario A: ${message(e)}` };
  }
}

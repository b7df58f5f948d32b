/**
 * Scenario A of an A/B comparison: what the page needs to set it beside B. Headline report plus a
 * light context sweep (prefill time and decode step time against context length) for the overlay
 * chart; no teaching-chart insights, and its own state, so evaluating A never evicts B's caches.
 * Only composes core calls; every number comes from the core.
 */
import { evaluate, logSpace, MODEL_PRESETS, resolveScenario, sweep, type FieldIssue, type Report, type Scenario, type ScenarioInput } from "../core";

/** One context length of a comparison curve (seconds, whole batch). */
export interface CurvePoint {
  context: number;
  prefillS: number;
  decodeStepS: number;
  fits: boolean;
}

export interface PinnedAnalysis {
  scenario: Scenario | null;
  issues: FieldIssue[];
  report: Report | null;
  curve: CurvePoint[];
  error: string | null;
}

/** Same grid rule as the breakdown chart (api.ts contextGrid): min(64, prompt) … max(window, 2·prompt + output), 40 points. */
function grid(s: Scenario): number[] {
  const maxContext = (s.model.preset ? MODEL_PRESETS.find((p) => p.id === s.model.preset)?.maxContext : undefined) ?? 131072;
  const { promptTokens: p, outputTokens: o } = s.workload;
  const lo = Math.max(1, Math.min(64, Math.max(1, p)));
  const hi = Math.min(16_777_216, Math.max(lo * 2, maxContext, 2 * p + o));
  return logSpace(lo, hi, 40);
}

/** The curve of prefill time and one decode step against context length (one output token per point). */
export function comparisonCurve(s: Scenario): CurvePoint[] {
  const one = { ...s, workload: { ...s.workload, outputTokens: 1 } };
  return sweep(one, "promptTokens", grid(s)).map(({ x, report: r }) => ({
    context: x,
    prefillS: r.prefill.timeS,
    decodeStepS: r.decode.timePerTokenS,
    fits: r.memory.fits,
  }));
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

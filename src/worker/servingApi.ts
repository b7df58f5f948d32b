/**
 * The serving simulation and the capacity plan, for the page. Runs in its own worker
 * (serving.worker.ts, loaded only when the page simulates traffic): a simulation of thousands of
 * requests, and a plan of hundreds, must never hold the main thread or the cost worker that
 * answers the sliders. Only composes core calls.
 */
import { resolveScenario, type ScenarioInput } from "../core";
import { servingSpecOf } from "../core/serving";
import { capacityPlan, type PlanRow } from "../core/serving/plan";
import { servingRun, type ServingRun } from "../core/serving/view";
import { comparePlans, disaggregatedPlan, idleDecodeStepS, type Comparison } from "../core/serving/splitPlan";

export type { ServingRun };

/** A plan row without its resolved scenario (the page rebuilds the input from the row's choices). */
export type PlanRowLite = Omit<PlanRow, "scenario">;

export type RunAnswer = { ok: true; run: ServingRun; ms: number } | { ok: false; problems: string[] };
/** The co-located and disaggregated plans side by side (the co-located row without its scenario). */
export type ComparisonLite = Omit<Comparison, "colocated"> & { colocated: PlanRowLite | null };
export type PlanAnswer = { ok: true; rows: PlanRowLite[]; considered: number; skipped: number; ms: number; comparison: ComparisonLite | null } | { ok: false; problems: string[] };

export interface ServingApi {
  run(input: ScenarioInput, onProgress?: (done: number, total: number) => void): RunAnswer;
  plan(input: ScenarioInput, onProgress?: (done: number, total: number) => void): PlanAnswer;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** The resolved scenario with a serving block, or the problems (each naming its field). */
function resolve(input: ScenarioInput) {
  const { scenario, issues } = resolveScenario(input);
  if (issues.length > 0) return { problems: issues.slice(0, 5).map((i) => `${i.path || "scenario"}: ${i.message}`) };
  if (!scenario.serving) return { problems: ["serving: the scenario has no serving block (press “Simulate traffic”)"] };
  return { scenario, serving: scenario.serving };
}

export const servingApi: ServingApi = {
  run(input, onProgress) {
    const r = resolve(input);
    if (!r.scenario) return { ok: false, problems: r.problems };
    const t0 = now();
    try {
      const run = servingRun(r.scenario, r.serving, onProgress);
      return { ok: true, run, ms: now() - t0 };
    } catch (e) {
      return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
    }
  },
  plan(input, onProgress) {
    const r = resolve(input);
    if (!r.scenario) return { ok: false, problems: r.problems };
    if (r.serving.load.kind !== "rate") return { ok: false, problems: ["serving.requestRate: the capacity plan sizes a deployment for a request rate; switch the load to “Request rate”"] };
    const t0 = now();
    try {
      const spec = servingSpecOf(r.scenario, r.serving);
      // the co-located search, then the disaggregated one (issue 17): about 3/4 and 1/4 of the time
      const res = capacityPlan(r.scenario, spec, {}, (d, t) => onProgress?.((0.75 * d) / t, 1));
      const rows = res.rows.map(({ scenario: _s, ...row }) => row);
      const layerwise = r.serving.disaggregated?.layerwiseTransfer ?? undefined;
      const split = disaggregatedPlan(r.scenario, spec, { layerwise }, (d, t) => onProgress?.(0.75 + (0.25 * d) / t, 1));
      const { colocated, ...rest } = comparePlans(spec, res.rows[0] ?? null, split, idleDecodeStepS(r.scenario, spec));
      const comparison: ComparisonLite = { ...rest, colocated: colocated ? rows[0]! : null };
      return { ok: true, rows, considered: res.considered, skipped: res.skipped.length, ms: now() - t0, comparison };
    } catch (e) {
      return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
    }
  },
};

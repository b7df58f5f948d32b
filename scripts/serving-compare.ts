/**
 * The README's worked example (issue 17): Llama-3.1-70B, 2,048/300 tokens at 10 req/s, SLO p90
 * TTFT ≤ 2 s and TPOT ≤ the limit given (default 0.1 s), on the presets given (default H100 SXM):
 * the best co-located plan, the best disaggregated one, and the comparison.
 *   npx tsx scripts/serving-compare.ts [rate] [preset,preset…] [tpotS]
 */
import { resolveScenario } from "../src/core/scenario";
import { servingSpecOf } from "../src/core/serving";
import { capacityPlan } from "../src/core/serving/plan";
import { comparePlans, disaggregatedPlan, idleDecodeStepS } from "../src/core/serving/splitPlan";

const rate = Number(process.argv[2] ?? 10);
const hardware = process.argv[3] ? process.argv[3].split(",") : ["h100-sxm"];
const tpotS = Number(process.argv[4] ?? 0.1);
const { scenario, issues } = resolveScenario({
  model: { preset: "llama-3.1-70b" },
  hardware: { preset: "h100-sxm", chips: 4 },
  workload: { promptTokens: 2048, outputTokens: 300 },
  serving: { requestRate: rate, slo: { ttftS: 2, tpotS, percentile: 90 } },
});
if (!scenario?.serving) throw new Error(JSON.stringify(issues));
const spec = servingSpecOf(scenario, scenario.serving);
const co = capacityPlan(scenario, spec, { hardware }).rows[0] ?? null;
const split = disaggregatedPlan(scenario, spec, { hardware });
const { colocated, disaggregated, winner, reason, factors } = comparePlans(spec, co, split, idleDecodeStepS(scenario, spec));
const { scenario: _s, ...colocatedRow } = colocated ?? { scenario: null };
console.log(JSON.stringify({ colocated: colocated ? colocatedRow : null, disaggregated, winner, reason, factors }, null, 2));

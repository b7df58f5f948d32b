/**
 * npm run bench — bundles this file the way the browser gets the core (no dev-only name
 * helpers) and runs it in Node. It evaluates 100,000 random valid scenarios in Node and prints µs per scenario
 * (goal ≤ 5 µs), then a 10,000-point context sweep (goal ≤ 50 ms in the worker).
 * Scenarios are resolved up front: the figure is the cost model itself, as a slider drag runs it.
 */
import { evaluate, HARDWARE_PRESETS, MODEL_PRESETS, resolveScenario, sweepSelect, type Report, type Scenario } from "../src/core";

let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const logInt = (lo: number, hi: number) => Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));

const N = 100_000;
const pool: Scenario[] = [];
for (let i = 0; i < 2000; i++) {
  const { scenario } = resolveScenario({
    model: rand() < 0.8 ? { preset: pick(MODEL_PRESETS).id } : { params: logInt(1e8, 2e12) },
    hardware: { preset: pick(HARDWARE_PRESETS).id, chips: pick([1, 2, 4, 8, 16, 64]) },
    workload: { batch: logInt(1, 512), promptTokens: logInt(1, 32768), outputTokens: logInt(1, 4096) },
    precision: { weights: pick(["bf16", "fp8", "int8", "int4"] as const), kvCache: pick(["bf16", "fp8"] as const) },
    mode: rand() < 0.5 ? "ideal" : "realistic",
  });
  pool.push(scenario);
}
let sink = 0;
const time = (brief: boolean) => {
  for (let i = 0; i < 20_000; i++) sink += evaluate(pool[i % pool.length]!, { brief }).decode.timePerTokenS; // warm-up
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += evaluate(pool[i % pool.length]!, { brief }).decode.timePerTokenS;
  return ((performance.now() - t0) * 1e3) / N;
};
const perScenarioUs = time(false);
const briefUs = time(true);

const sweepMs = (input: Parameters<typeof resolveScenario>[0]) => {
  const base = resolveScenario(input).scenario;
  const xs = Array.from({ length: 10_000 }, (_, i) => i + 1); // 10,000 distinct prompt lengths
  const row = (r: Report, x: number) => ({ x, prefillS: r.prefill.timeS, decodeS: r.decode.timePerTokenS, fits: r.memory.fits });
  sweepSelect(base, "promptTokens", xs, row); // warm-up
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t1 = performance.now();
    sink += sweepSelect(base, "promptTokens", xs, row).length;
    runs.push(performance.now() - t1);
  }
  return runs.sort((a, b) => a - b)[2]!; // median of 5
};
const oneChip = sweepMs({});
const eightChips = sweepMs({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 } });
console.log(`evaluate: ${perScenarioUs.toFixed(2)} µs per scenario over ${N.toLocaleString("en")} random valid scenarios, full report with prose (goal ≤ 5 µs)`);
console.log(`evaluate, brief (as sweeps run it): ${briefUs.toFixed(2)} µs per scenario`);
console.log(`sweep of 10,000 points: ${oneChip.toFixed(1)} ms for the default scenario (1 chip), ${eightChips.toFixed(1)} ms for Llama-3.1-70B on 8 H100s with the auto layout search (goal ≤ 50 ms)`);
if (!Number.isFinite(sink)) console.log("(non-finite result seen)");

// --- serving simulator (issue 14): 10,000 requests of 2,048/256 at ~100 running; a 16-rate sweep;
// the M/D/1 analytic case as the CLI runs it; the capacity plan's default search.
{
  const { replicaPlan } = await import("../src/core/serving/replica");
  const { simulate } = await import("../src/core/serving/simulate");
  const { capacityPlan } = await import("../src/core/serving/plan");
  const { evaluateInput } = await import("../src/core/evaluateInput");
  const s = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm", chips: 1 } }).scenario;
  const scheduler = { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true };
  const plan = replicaPlan(s, scheduler);
  const spec = { requestRate: 10.8, arrival: "poisson" as const, burstiness: 1, requests: 10_000, seed: 1, promptTokens: { dist: "fixed" as const, mean: 2048 }, outputTokens: { dist: "fixed" as const, mean: 256 }, replicas: 1, scheduler };
  const median = (f: () => void, n = 5) => {
    f();
    const t: number[] = [];
    for (let k = 0; k < n; k++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    return t.sort((a, b) => a - b)[Math.floor(n / 2)]!;
  };
  let running = 0;
  const big = median(() => {
    const tr = simulate(spec, plan);
    let busy = 0;
    let seqs = 0;
    for (let i = 0; i < tr.iterations.count; i++) {
      busy += tr.iterations.duration[i]!;
      seqs += tr.iterations.duration[i]! * tr.iterations.running[i]!;
    }
    running = seqs / busy;
  });
  const sweep = median(() => {
    for (let i = 1; i <= 16; i++) simulate({ ...spec, requests: 2000, requestRate: 0.7 * i }, plan);
  });
  const md1 = { model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm", chips: 1 }, workload: { batch: 1, promptTokens: 512, outputTokens: 64 }, mode: "ideal", serving: { arrival: "poisson", seed: 1, promptTokens: { dist: "fixed", mean: 512 }, outputTokens: { dist: "fixed", mean: 64 }, scheduler: { maxSequences: 1, maxBatchedTokens: 8192, chunkedPrefill: false }, requestRate: 2.74993, requests: 20000 } };
  const cli = median(() => void evaluateInput(md1), 3);
  const big70 = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { promptTokens: 2048, outputTokens: 300 } }).scenario;
  const planMs = median(() => void capacityPlan(big70, { ...spec, requests: 2000, requestRate: 10, promptTokens: { dist: "fixed", mean: 2048 }, outputTokens: { dist: "fixed", mean: 300 }, slo: { ttftS: 2, tpotS: 0.1, percentile: 90 } }), 1);
  console.log(`serving: 10,000 requests of 2,048/256 at ${spec.requestRate} req/s (${running.toFixed(0)} running on average): ${big.toFixed(1)} ms (goal ≤ 150 ms)`);
  console.log(`serving: 16 rates × 2,000 requests: ${sweep.toFixed(1)} ms (goal ≤ 400 ms)`);
  console.log(`serving: the M/D/1 analytic case (20,000 requests) as the CLI evaluates it: ${cli.toFixed(0)} ms`);
  console.log(`capacity plan, Llama-3.1-70B 2,048/300 at 10 req/s, SLO p90 TTFT 2 s / TPOT 100 ms, every priced preset: ${planMs.toFixed(0)} ms (goal ≤ 3 s)`);
}

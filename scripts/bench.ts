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

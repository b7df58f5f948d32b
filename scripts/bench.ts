/**
 * npm run bench — bundles this file the way the browser gets the core (no dev-only name
 * helpers) and runs it in Node. It evaluates 100,000 random valid scenarios in Node and prints µs per scenario
 * (goal ≤ 5 µs), then a 10,000-point context sweep (goal ≤ 50 ms in the worker).
 * Scenarios are resolved up front: the figure is the cost model itself, as a slider drag runs it.
 */
import { evaluate, HARDWARE_PRESETS, logSpace, MODEL_PRESETS, resolveScenario, sweep, type Scenario } from "../src/core";

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
for (let i = 0; i < 20_000; i++) sink += evaluate(pool[i % pool.length]!).decode.timePerTokenS; // warm-up
const t0 = performance.now();
for (let i = 0; i < N; i++) sink += evaluate(pool[i % pool.length]!).decode.timePerTokenS;
const perScenarioUs = ((performance.now() - t0) * 1e3) / N;

const base = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 } }).scenario;
const xs = logSpace(1, 131072, 10_000);
sweep(base, "promptTokens", xs.slice(0, 500));
const t1 = performance.now();
const pts = sweep(base, "promptTokens", xs);
const sweepMs = performance.now() - t1;

console.log(`evaluate: ${perScenarioUs.toFixed(2)} µs per scenario over ${N.toLocaleString("en")} random valid scenarios (goal ≤ 5 µs)`);
console.log(`sweep: ${pts.length.toLocaleString("en")} points in ${sweepMs.toFixed(1)} ms (goal ≤ 50 ms)`);
if (!Number.isFinite(sink)) console.log("(non-finite result seen)");

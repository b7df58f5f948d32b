import { describe, expect, it } from "vitest";
import { simulate, type IterationShape, type ReplicaModel, type ServingSpec } from "./simulate";

/** A hand-checkable step: 10 ms per iteration plus 0.1 ms per token (decode or prefill). */
const linear = (shape: IterationShape) => 0.01 + 1e-4 * (shape.decodeSeqs + shape.prefillTokens);

/** Two 100-token prompts arriving together, 100 output tokens each, in a 250-token cache. */
const spec: ServingSpec = {
  requestRate: 1e6,
  arrival: "uniform",
  burstiness: 1,
  requests: 2,
  seed: 1,
  promptTokens: { dist: "fixed", mean: 100 },
  outputTokens: { dist: "fixed", mean: 100 },
  replicas: 1,
  scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
};

function run(host?: ReplicaModel["host"]) {
  const shapes: IterationShape[] = [];
  const tr = simulate(spec, { kvCapacityTokens: 250, window: Infinity, step: (s) => (shapes.push({ ...s }), linear(s)), host });
  return { tr, prefilled: shapes.reduce((a, s) => a + s.prefillTokens, 0) };
}

describe("KV offload to host memory (issue 17)", () => {
  it("a preempted sequence's cache goes to the host and comes back without recomputation: hand-worked", () => {
    // the first prefills alone (the second arrives 1 µs later), the second one step behind it; both
    // grow by one KV token per step: after the first's 25th decode step they hold 125 + 124 = 249,
    // and 249 + 2 > 250 preempts the later one, holding 124 KV tokens (prompt + 24 decode steps)
    // and 25 generated tokens (a token's KV is written by the step after it)
    const recompute = run();
    expect(recompute.tr.preemptions).toBe(1);
    expect(recompute.tr.offloads).toBe(0);
    expect(recompute.prefilled).toBe(200 + 125); // recomputation: its prompt and its 25 generated tokens
    const off = run({ capacityTokens: 1000, reloadSPerToken: 1e-5 });
    expect(off.tr.offloads).toBe(1);
    expect(off.tr.reloadedTokens).toBe(124);
    expect(off.prefilled).toBe(200); // nothing recomputed
    // the step that reloads it: one decode token (10.1 ms) + 124 tokens × 10 µs = 11.34 ms
    expect([...off.tr.iterations.duration].some((d) => Math.abs(d - 0.01134) < 1e-12)).toBe(true);
    // both still produce every token
    expect(off.tr.completion[1]).toBeGreaterThan(off.tr.completion[0]!);
  });

  it("a full host tier falls back to recomputation", () => {
    const full = run({ capacityTokens: 100, reloadSPerToken: 1e-5 });
    expect(full.tr.offloads).toBe(0);
    expect(full.prefilled).toBe(325);
  });
});

describe("the host tier of a real replica", () => {
  it("Llama-3.1-70B in fp8 on 2 H100s over PCIe Gen5: hand-worked capacity and reload time", async () => {
    const { resolveScenario } = await import("../scenario");
    const { replicaPlan } = await import("./replica");
    const { hostTier, offloadVsRecompute } = await import("./offload");
    const s = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 2 }, precision: { weights: "fp8", kvCache: "fp8", activations: "fp8" } }).scenario!;
    const plan = replicaPlan(s, { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true });
    // 2 × 8 KV heads × 128 × 1 B (fp8) × 80 layers = 163,840 B per token, 81,920 B on each of 2 chips
    expect(plan.kvBytesPerTokenPerChip).toBe(81_920);
    const t = hostTier(s, plan, { capacityBytes: 5e11, bandwidth: null });
    expect(t.bytesPerS).toBe(64e9); // PCIe Gen5 x16, one direction
    expect(t.reloadSPerToken).toBeCloseTo(1.28e-6, 15); // 81,920 B ÷ 64 GB/s
    expect(t.capacityTokens).toBe(3_051_757); // ⌊5e11 ÷ 2 ÷ 81,920⌋
    const c = offloadVsRecompute(plan, t.reloadSPerToken, [4096]);
    expect(c.rows[0]!.reloadS).toBeCloseTo(4096 * 1.28e-6, 12);
    expect(c.rows[0]!.recomputeS).toBeGreaterThan(c.rows[0]!.reloadS); // a 4,096-token prefill takes far longer than 5.2 ms
  });

  it("needs a host link: the block's bandwidth or a preset's figure, named when missing", async () => {
    const { resolveScenario } = await import("../scenario");
    const { issues } = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "m2-ultra" }, serving: { requestRate: 1, hostKv: { capacityBytes: 1e11 } } });
    expect(issues.map((i) => i.path)).toContain("serving.hostKv.bandwidth");
    expect(resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "m2-ultra" }, serving: { requestRate: 1, hostKv: { capacityBytes: 1e11, bandwidth: 1e10 } } }).issues).toEqual([]);
    expect(resolveScenario({ model: { preset: "llama-3.1-8b" }, serving: { requestRate: 1, hostKv: {} } }).issues[0]?.path).toBe("serving.hostKv");
  });
});

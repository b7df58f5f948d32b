/**
 * Long and hostile links (issue 20): decoding is linear in the link's length, lists at most a few
 * dozen warnings and counts the rest, refuses links beyond a stated size, and says what it
 * drops from a compared scenario.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, HARDWARE_PRESETS, MODEL_PRESETS, type ScenarioInput } from "../../core/index";
import { MAX_LINK_CHARS, MAX_WARNINGS, decodeComparison, decodeScenario, encodeComparison, parseScenarioLink } from "./codec";

const unknownKeys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=${i}`).join("&");

describe("long links", () => {
  it("are read in linear time: 30,000 unknown keys (259 KB) in well under a second", () => {
    const link = `v=1&${unknownKeys(30_000)}`;
    expect(link.length).toBeGreaterThan(250_000);
    const t0 = performance.now();
    const { warnings } = parseScenarioLink(link, { maxChars: Infinity });
    const ms = performance.now() - t0;
    // quadratic de-duplication took 7.9 s here; linear takes ~50 ms
    expect(ms).toBeLessThan(1500);
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings[MAX_WARNINGS]).toBe(`link: ${(30_000 - MAX_WARNINGS).toLocaleString("en-US")} more problems not listed`);
  });

  it("list at most a few dozen warnings, then count the rest", () => {
    const { warnings } = decodeScenario(`v=1&${unknownKeys(100)}`);
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.slice(0, 2)).toEqual(["k0: unknown key; ignored k0=0", "k1: unknown key; ignored k1=1"]);
    expect(warnings.at(-1)).toBe("link: 70 more problems not listed");
  });

  it("are refused beyond the stated size, with the size in the message", () => {
    const link = `v=1&b=8&${unknownKeys(5000)}`;
    expect(link.length).toBeGreaterThan(MAX_LINK_CHARS);
    const { input, warnings } = decodeScenario(link);
    expect(input).toEqual(DEFAULT_SCENARIO_INPUT);
    expect(warnings).toEqual([`link: ${link.length.toLocaleString("en-US")} characters, longer than the ${MAX_LINK_CHARS.toLocaleString("en-US")} a link of this page can be; not read, using the default scenario`]);
  });

  it("refuse a compressed payload that would expand without bound", () => {
    const { warnings } = decodeScenario(`v=1&z=${"A".repeat(9000)}`);
    expect(warnings[0]).toMatch(/^z: the compressed scenario is longer than 8,000 characters/);
  });

  it("that the page writes stay far below the limit and read back whole", () => {
    // every field set, both names 200 characters of non-Latin text, a compared scenario A
    const name = "模型名称".repeat(50);
    const big = (preset: number): ScenarioInput => ({
      ...DEFAULT_SCENARIO_INPUT,
      model: { ...MODEL_PRESETS[preset]!.shape, name },
      hardware: { ...HARDWARE_PRESETS[preset % HARDWARE_PRESETS.length]!.spec, name, chips: 64 },
      workload: { batch: 123456, promptTokens: 98765432, outputTokens: 87654321, prefillBatch: 7777 },
      precision: { weights: "int4", kvCache: "fp8", activations: "fp8", weightBits: 4.125 },
      parallelism: { layout: "2d-weight-stationary", attentionSharding: "batch", experts: "expert" },
      mode: "ideal",
      efficiency: { compute: 0.123456789, memory: 0.987654321, network: 0.55555555 },
      sparsity: { weights: "2:4" },
      speculative: { draftPreset: "llama-3.1-8b", draftTokens: 7, acceptanceRate: 0.123456789 },
      engine: "tensorrt-llm",
      serving: { requestRate: 12.3456789, arrival: "gamma", burstiness: 1.2345678, requests: 123456, seed: 987654321, promptTokens: { dist: "lognormal", mean: 1234.5678, cv: 0.87654321, min: 12, max: 32768 }, outputTokens: { dist: "uniform", min: 16, max: 4096 }, replicas: 12, scheduler: { maxSequences: 1234, maxBatchedTokens: 16384, chunkedPrefill: false }, slo: { ttftS: 1.2345678, tpotS: 0.12345678, percentile: 99.9 } },
    });
    const link = encodeComparison(big(MODEL_PRESETS.length - 1), big(0), { compress: "never" });
    expect(link.length).toBeLessThan(MAX_LINK_CHARS / 2);
    const { a, b } = decodeComparison(link);
    expect(b.warnings.filter((w) => !/must not exceed|ignored: a preset|no effect/.test(w))).toEqual([]);
    expect(a?.warnings.filter((w) => !/must not exceed|ignored: a preset/.test(w)) ?? ["no A"]).toEqual([]);
    expect(encodeComparison(big(0), big(1)).length).toBeLessThan(MAX_LINK_CHARS / 2);
    expect(link.length).toBeGreaterThan(10_000); // the worst case really is long: 11,253 characters when written
  });
});

describe("page keys in a link", () => {
  it("say what is dropped from a compared scenario: a nested cmp, a lesson or a step", () => {
    const inner = `v=1&b=4&cmp=${encodeURIComponent("v=1&b=2")}&lesson=serving&step=2`;
    const { a } = decodeComparison(`v=1&b=8&cmp=${encodeURIComponent(inner)}`);
    expect(a?.input.workload?.batch).toBe(4);
    expect(a?.warnings).toEqual([
      "cmp: lesson= inside the compared scenario is not read; ignored lesson=serving",
      "cmp: step= inside the compared scenario is not read; ignored step=2",
      "cmp: a compared scenario cannot carry its own cmp (got cmp=v=1&b=2); ignored",
    ]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPRESSED_KEY, CURRENT_VERSION, RESERVED_KEYS, ROW_BY_KEY, SCHEMA, VERSION_KEY, formatNumber, parseValue } from "./schema";
import type { FieldPath, FieldRow } from "./schema";

/**
 * Every leaf field of ScenarioInput (src/core/types.ts), written out by hand: adding a field to
 * the scenario without giving it a row in the key table must fail here.
 */
const SCENARIO_INPUT_FIELDS = [
  // ModelInput: preset, params, then ModelShape
  "model.preset",
  "model.params",
  "model.name",
  "model.layers",
  "model.dModel",
  "model.heads",
  "model.kvHeads",
  "model.headDim",
  "model.dFF",
  "model.ffn",
  "model.vocab",
  "model.tiedEmbeddings",
  "model.attention",
  "model.parallelBlock",
  "model.mla.kvLoraRank",
  "model.mla.qkRopeHeadDim",
  "model.mla.qLoraRank",
  "model.mla.qkNopeHeadDim",
  "model.mla.vHeadDim",
  "model.moe.experts",
  "model.moe.activeExperts",
  "model.moe.sharedExperts",
  "model.moe.dFFExpert",
  "model.moe.denseLayers",
  "model.norm",
  "model.normsPerLayer",
  "model.qkNorm",
  "model.bias",
  "model.positionEmbeddings",
  "model.slidingWindow.window",
  "model.slidingWindow.layers",
  "model.attentionSinks",
  "model.contextWindow",
  // HardwareInput: preset, then HardwareSpec
  "hardware.preset",
  "hardware.name",
  "hardware.chips",
  "hardware.memoryBytes",
  "hardware.memoryBandwidth",
  "hardware.peakFlops.fp32",
  "hardware.peakFlops.bf16",
  "hardware.peakFlops.fp16",
  "hardware.peakFlops.fp8",
  "hardware.peakFlops.int8",
  "hardware.peakFlops.int4",
  "hardware.peakFlops.fp4",
  "hardware.interconnectBandwidth",
  "hardware.pricePerHour",
  "hardware.powerWatts",
  "hardware.fastDomainChips",
  "hardware.scaleOutBandwidth",
  "hardware.topology",
  "hardware.sparseTensorCores",
  "hardware.achievable.compute",
  "hardware.achievable.memory",
  // Workload
  "workload.batch",
  "workload.promptTokens",
  "workload.outputTokens",
  "workload.prefillBatch",
  // PrecisionConfig
  "precision.weights",
  "precision.kvCache",
  "precision.activations",
  "precision.weightBits",
  // Parallelism
  "parallelism.layout",
  "parallelism.attentionSharding",
  "parallelism.experts",
  // the rest
  "mode",
  "efficiency.compute",
  "efficiency.memory",
  "efficiency.network",
  "sparsity.weights",
  "flashAttention",
  "speculative.draftPreset",
  "speculative.draftParams",
  "speculative.draftTokens",
  "speculative.acceptanceRate",
  // ServingInput (core/serving/input.ts) and the engine
  "serving.requestRate",
  "serving.concurrency",
  "serving.arrival",
  "serving.burstiness",
  "serving.requests",
  "serving.seed",
  "serving.promptTokens.dist",
  "serving.promptTokens.mean",
  "serving.promptTokens.cv",
  "serving.promptTokens.min",
  "serving.promptTokens.max",
  "serving.outputTokens.dist",
  "serving.outputTokens.mean",
  "serving.outputTokens.cv",
  "serving.outputTokens.min",
  "serving.outputTokens.max",
  "serving.dataset",
  "serving.replicas",
  "serving.scheduler.maxSequences",
  "serving.scheduler.maxBatchedTokens",
  "serving.scheduler.chunkedPrefill",
  "serving.slo.ttftS",
  "serving.slo.tpotS",
  "serving.slo.percentile",
  "serving.prefixCache.hitRate",
  "serving.prefixCache.sharedPrefixTokens",
  "serving.disaggregated.prefill.hardware",
  "serving.disaggregated.prefill.chips",
  "serving.disaggregated.prefill.replicas",
  "serving.disaggregated.prefill.precision",
  "serving.disaggregated.decode.hardware",
  "serving.disaggregated.decode.chips",
  "serving.disaggregated.decode.replicas",
  "serving.disaggregated.decode.precision",
  "serving.disaggregated.layerwiseTransfer",
  "serving.hostKv.capacityBytes",
  "serving.hostKv.bandwidth",
  "engine",
  "engineOptions.cudaGraphs",
] as const satisfies readonly FieldPath[];

/** Compile-time half of the completeness check: FieldPath (computed from the type) ⊆ the list above. */
type Missing = Exclude<FieldPath, (typeof SCENARIO_INPUT_FIELDS)[number]>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;

const row = (path: FieldPath): FieldRow => {
  const r = SCHEMA.find((x) => x.path === path);
  if (!r) throw new Error(`no row for ${path}`);
  return r;
};
const none = new Set<string>();

describe("the key table", () => {
  it("has exactly one row for every field of a ScenarioInput", () => {
    expect(noneMissing).toBe(true);
    for (const path of SCENARIO_INPUT_FIELDS) {
      expect(SCHEMA.filter((r) => r.path === path), path).toHaveLength(1);
    }
    expect(SCHEMA.map((r) => r.path).sort()).toEqual([...SCENARIO_INPUT_FIELDS].sort());
  });

  it("gives each row a distinct short key that no reserved key shadows", () => {
    const keys = SCHEMA.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ROW_BY_KEY.size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(/^[a-z][a-z0-9]{0,3}$/);
      expect([VERSION_KEY, COMPRESSED_KEY, ...RESERVED_KEYS]).not.toContain(key);
    }
  });

  it("dates every row to a link version that exists", () => {
    for (const r of SCHEMA) {
      expect(r.since).toBeGreaterThanOrEqual(1);
      expect(r.since).toBeLessThanOrEqual(CURRENT_VERSION);
    }
  });

  it("keeps numeric ranges sensible", () => {
    for (const r of SCHEMA) {
      if (r.kind.type === "range") expect(r.kind.range.min, r.path).toBeLessThan(r.kind.range.max);
    }
  });
});

describe("numbers in links", () => {
  it("are written in their shorter exact form", () => {
    expect(formatNumber(7e9)).toBe("7e9");
    expect(formatNumber(70553706496)).toBe("70553706496");
    expect(formatNumber(85899345920)).toBe("85899345920");
    expect(formatNumber(3.35e12)).toBe("3.35e12");
    expect(formatNumber(1.979e15)).toBe("1.979e15");
    expect(formatNumber(0.85)).toBe("0.85");
    expect(formatNumber(1e-7)).toBe("1e-7");
    expect(formatNumber(8192)).toBe("8192");
    expect(formatNumber(128000)).toBe("128000");
  });

  it("read back exactly, for any finite number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(formatNumber(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it("are refused when malformed, fractional where whole, or out of range", () => {
    const batch = row("workload.batch");
    expect(parseValue(batch, "16", none)).toEqual({ ok: true, value: 16 });
    expect(parseValue(batch, "1e3", none)).toEqual({ ok: true, value: 1000 });
    for (const bad of ["", "abc", "0x10", "1.5", "-1", "0", "2e6", "1e400", "NaN", "Infinity", "8 8"]) {
      expect(parseValue(batch, bad, none).ok, bad).toBe(false);
    }
    expect(parseValue(row("model.params"), "1.1e13", none).ok).toBe(false);
    expect(parseValue(row("hardware.chips"), "0", none).ok).toBe(false);
    expect(parseValue(row("efficiency.compute"), "0", none).ok).toBe(false);
    expect(parseValue(row("efficiency.compute"), "1", none).ok).toBe(true);
    expect(parseValue(row("hardware.pricePerHour"), "0", none).ok).toBe(true);
  });
});

describe("other values in links", () => {
  it("reads booleans, enumerations, preset ids and text", () => {
    expect(parseValue(row("model.tiedEmbeddings"), "1", none)).toEqual({ ok: true, value: true });
    expect(parseValue(row("model.tiedEmbeddings"), "false", none)).toEqual({ ok: true, value: false });
    expect(parseValue(row("model.tiedEmbeddings"), "yes", none).ok).toBe(false);
    expect(parseValue(row("sparsity.weights"), "2:4", none)).toEqual({ ok: true, value: "2:4" });
    expect(parseValue(row("precision.weights"), "fp5", none).ok).toBe(false);
    expect(parseValue(row("model.preset"), "x", new Set(["x"]))).toEqual({ ok: true, value: "x" });
    expect(parseValue(row("model.preset"), "y", new Set(["x"])).ok).toBe(false);
    expect(parseValue(row("model.name"), "my model", none)).toEqual({ ok: true, value: "my model" });
    expect(parseValue(row("model.name"), "x".repeat(201), none).ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { importHfConfig } from "./hfConfig";
import { paramCount, resolveScenario, findModelPreset, evaluate } from "../index";
import llama from "./__fixtures__/llama-3.1-8b.json?raw";
import mistral from "./__fixtures__/mistral-7b-v0.1.json?raw";
import qwen25 from "./__fixtures__/qwen2.5-7b.json?raw";
import qwen3 from "./__fixtures__/qwen3-8b.json?raw";
import qwen3moe from "./__fixtures__/qwen3-30b-a3b.json?raw";
import gemma2 from "./__fixtures__/gemma-2-9b.json?raw";
import mixtral from "./__fixtures__/mixtral-8x7b.json?raw";
import deepseek from "./__fixtures__/deepseek-v3.json?raw";
import gptoss from "./__fixtures__/gpt-oss-120b.json?raw";
import phi3 from "./__fixtures__/phi-3-mini-4k.json?raw";

function imported(text: string) {
  const r = importHfConfig(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function counts(text: string) {
  const { scenario, issues } = resolveScenario({ model: imported(text).model });
  expect(issues).toEqual([]);
  return paramCount(scenario.model);
}

describe("importHfConfig", () => {
  // Exact computed counts from the reference sheet (models.md, tables B and C).
  it.each([
    ["Llama-3.1-8B", llama, 8_030_261_248],
    ["Mistral-7B v0.1", mistral, 7_241_732_096],
    ["Qwen2.5-7B (QKV bias)", qwen25, 7_615_616_512],
    ["Qwen3-8B (QK-norm)", qwen3, 8_190_735_360],
    ["Gemma 2 9B (4 norms per layer, tied)", gemma2, 9_241_705_984],
    ["Phi-3 mini (MHA)", phi3, 3_821_079_552],
  ])("should read %s to its exact parameter count", (_name, text, expected) => {
    expect(counts(text).total).toBe(expected);
  });

  it.each([
    ["Mixtral 8x7B", mixtral, "mixtral-8x7b", 46.70e9, 12.88e9],
    ["Qwen3-30B-A3B", qwen3moe, "qwen3-30b-a3b", 30.53e9, 3.35e9],
    ["DeepSeek-V3", deepseek, "deepseek-v3", 671.03e9, 37.55e9],
    ["gpt-oss-120b", gptoss, "gpt-oss-120b", 116.83e9, 5.71e9],
  ])("should read the MoE model %s to the preset's total and active counts", (_name, text, preset, total, active) => {
    const c = counts(text);
    const p = paramCount(findModelPreset(preset)!.shape);
    expect(c.total).toBe(p.total);
    expect(c.active).toBe(p.active);
    expect(c.total / total).toBeCloseTo(1, 3); // models.md, 4 significant figures
    expect(c.active / active).toBeCloseTo(1, 2);
  });

  it("should take the context window from max_position_embeddings, and warn past it", () => {
    expect(imported(llama).model.contextWindow).toBe(131_072);
    expect(imported(mistral).model.contextWindow).toBe(32_768); // the config's figure (the paper trained at 8,192)
    expect(imported(llama).detected.join(" ")).toMatch(/context window: 131,072 tokens/);
    const { scenario } = resolveScenario({ model: imported(qwen3).model, workload: { promptTokens: 41_000, outputTokens: 1_000 } });
    expect(evaluate(scenario).warnings.map((w) => w.field)).toEqual(["workload.promptTokens"]); // 40,960 in the config
    const none = importHfConfig(JSON.stringify({ hidden_size: 256, num_hidden_layers: 2, num_attention_heads: 4, vocab_size: 1000, intermediate_size: 512 }));
    expect(none.ok && none.value.model.contextWindow).toBeUndefined();
    expect(none.ok && none.value.notes.join(" ")).toMatch(/no max_position_embeddings/);
  });

  it("should detect grouped-query attention and ignore unknown fields", () => {
    const v = imported(llama);
    expect(v.family).toBe("llama");
    expect(v.model).toMatchObject({ layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 14336, vocab: 128256, attention: "gqa", tiedEmbeddings: false });
    expect(v.detected.join(" ")).toMatch(/grouped-query attention \(32 heads, 8 KV heads\)/);
    expect(v.model).not.toHaveProperty("rope_theta");
  });

  it("should detect sliding windows: every layer (Mistral), alternate (Gemma 2, gpt-oss), off when use_sliding_window is false (Qwen2.5)", () => {
    expect(imported(mistral).model.slidingWindow).toEqual({ window: 4096, layers: "all" });
    expect(imported(gemma2).model.slidingWindow).toEqual({ window: 4096, layers: "alternate" });
    expect(imported(gptoss).model.slidingWindow).toEqual({ window: 128, layers: "alternate" });
    expect(imported(qwen25).model.slidingWindow).toBeUndefined();
    expect(imported(qwen3).model.slidingWindow).toBeUndefined();
  });

  it("should detect MLA with its cached width (DeepSeek-V3: 512 + 64 per layer per token)", () => {
    const v = imported(deepseek);
    expect(v.model.mla).toEqual({ kvLoraRank: 512, qkRopeHeadDim: 64, qLoraRank: 1536, qkNopeHeadDim: 128, vHeadDim: 128 });
    expect(v.model.moe).toEqual({ experts: 256, activeExperts: 8, sharedExperts: 1, dFFExpert: 2048, denseLayers: 3 });
    const { scenario } = resolveScenario({ model: v.model, precision: { kvCache: "bf16" } });
    // (512 + 64) × 61 layers × 2 bytes = 70,272 bytes per token
    expect(evaluate(scenario).memory.kvCacheBytesPerToken).toBe(70_272);
    expect(v.notes.join(" ")).toMatch(/quantization_config \(fp8\)/);
  });

  it("should read a multimodal wrapper's text_config", () => {
    const wrapped = JSON.stringify({ model_type: "llava", text_config: JSON.parse(llama) });
    expect(counts(wrapped).total).toBe(8_030_261_248);
  });

  it("should name a missing required field", () => {
    const cfg = JSON.parse(llama) as Record<string, unknown>;
    delete cfg.hidden_size;
    const r = importHfConfig(JSON.stringify(cfg));
    expect(r).toEqual({ ok: false, error: 'config.json: missing required field "hidden_size" (the model width)' });
  });

  it("should name a malformed field with what it got", () => {
    const cfg = { ...(JSON.parse(llama) as object), num_key_value_heads: "eight" };
    const r = importHfConfig(JSON.stringify(cfg));
    expect(r.ok ? "" : r.error).toBe('config.json: "num_key_value_heads" (the number of key/value heads) must be a whole number of at least 1 (got "eight")');
  });

  it("should refuse MoE without experts per token, more KV heads than heads, and bad JSON, with messages", () => {
    const moe = { ...(JSON.parse(mixtral) as Record<string, unknown>) };
    delete moe.num_experts_per_tok;
    expect(importHfConfig(JSON.stringify(moe))).toMatchObject({ ok: false, error: expect.stringContaining('"num_experts_per_tok"') });
    expect(importHfConfig(JSON.stringify({ ...(JSON.parse(llama) as object), num_key_value_heads: 64 }))).toMatchObject({ ok: false, error: expect.stringContaining("must not exceed") });
    expect(importHfConfig("{ not json")).toMatchObject({ ok: false, error: expect.stringMatching(/^config\.json: not valid JSON/) });
    expect(importHfConfig("[1,2]")).toMatchObject({ ok: false, error: expect.stringContaining("must be a JSON object") });
    expect(importHfConfig("")).toMatchObject({ ok: false, error: expect.stringContaining("empty") });
    expect(importHfConfig(null)).toMatchObject({ ok: false });
  });

  it("should pass the core's own limits (a width far beyond any model is refused, naming the field)", () => {
    const r = importHfConfig(JSON.stringify({ ...(JSON.parse(llama) as object), hidden_size: 320_000_000 }));
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.error).toMatch(/refuses: model\.(dModel|headDim)/);
  });

  it("should take a model id as the name", () => {
    expect(importHfConfig(llama, "meta-llama/Llama-3.1-8B").ok && imported(llama).model.name).toBe("llama");
    const r = importHfConfig(llama, "meta-llama/Llama-3.1-8B");
    expect(r.ok && r.value.model.name).toBe("meta-llama/Llama-3.1-8B");
  });
});

describe("careless config.json text (issue 20)", () => {
  const config = JSON.parse(llama) as Record<string, unknown>;
  it("says a number too large to represent is one, not null", () => {
    const r = importHfConfig(JSON.stringify(config).replace(/"hidden_size":\s*\d+/, '"hidden_size": 1e400'));
    expect(r).toEqual({ ok: false, error: 'config.json: "hidden_size" (the model width) must be a whole number of at least 1 (got a number beyond double precision)' });
  });
  it("reads a file that starts with a UTF-8 byte-order mark", () => {
    expect(importHfConfig(`\uFEFF${JSON.stringify(config)}`).ok).toBe(true);
  });
});

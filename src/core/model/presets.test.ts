import { describe, expect, it } from "vitest";
import { MODEL_PRESETS, findModelPreset } from "./presets";
import { paramCount } from "./shape";

/**
 * Presets whose vendor figure is only the rounded size in the name, so the exact count lies more
 * than 1 % away (documented in each preset's notes): GPT-2 XL "1.5B" = 1.558B, Falcon "40B" =
 * 41.30B, Gemma 2 "9B" = 9.24B.
 */
const ROUNDED_LABEL_TOLERANCE: Record<string, number> = { "gpt2-xl": 0.04, "falcon-40b": 0.035, "gemma-2-9b": 0.03 };

const REQUIRED_IDS = [
  "gpt2", "gpt2-xl", "gpt3-175b", "opt-175b", "bloom-176b", "falcon-40b", "falcon-180b", "palm-8b", "palm-62b",
  "palm-540b", "llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b",
  "llama-3.2-1b", "llama-3.2-3b", "mistral-7b", "qwen2.5-0.5b", "qwen2.5-7b", "qwen2.5-72b", "qwen3-0.6b",
  "qwen3-8b", "qwen3-32b", "gemma-2-9b", "gemma-2-27b", "phi-3-mini", "mixtral-8x7b", "mixtral-8x22b",
  "qwen3-30b-a3b", "qwen3-235b-a22b", "deepseek-v3", "gpt-oss-20b", "gpt-oss-120b",
];

describe("model presets", () => {
  it("has every required id, unique, lowercase kebab", () => {
    const ids = MODEL_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9.]+(-[a-z0-9.]+)*$/);
    expect(findModelPreset("llama-3.1-70b")?.shape.layers).toBe(80);
    expect(findModelPreset("nope")).toBeUndefined();
  });

  for (const p of MODEL_PRESETS) {
    it(`${p.id}: total within tolerance of the official count`, () => {
      const c = paramCount(p.shape);
      const tol = ROUNDED_LABEL_TOLERANCE[p.id] ?? 0.01;
      expect(Math.abs(c.total / p.officialParams - 1)).toBeLessThan(tol);
      if (p.officialActiveParams !== undefined) {
        const active = p.officialActiveConvention === "excludes-input-embedding" ? c.active - c.embedding : c.active;
        expect(Math.abs(active / p.officialActiveParams - 1)).toBeLessThan(0.02);
      }
    });

    it(`${p.id}: shape is consistent`, () => {
      const s = p.shape;
      for (const v of [s.layers, s.dModel, s.heads, s.kvHeads, s.headDim, s.dFF, s.vocab]) {
        expect(Number.isInteger(v) && v > 0).toBe(true);
      }
      expect(s.heads % s.kvHeads).toBe(0);
      const kind = s.mla ? "mla" : s.kvHeads === s.heads ? "mha" : s.kvHeads === 1 ? "mqa" : "gqa";
      expect(s.attention).toBe(kind);
      expect(p.maxContext).toBeGreaterThan(0);
      expect(p.maxContextSource).toMatch(/^models\.md table [AC]: .*\[M\d+\]/);
      expect(p.maxContextSource).toContain(p.maxContext.toLocaleString("en-US"));
      expect(s.contextWindow).toBe(p.maxContext);
      expect(p.source.length).toBeGreaterThan(0);
      expect(Boolean(s.moe)).toBe(p.officialActiveParams !== undefined);
      if (s.moe) expect(s.moe.activeExperts).toBeLessThanOrEqual(s.moe.experts);
    });
  }

  it("gpt-oss active follows its own convention (input embedding excluded)", () => {
    const c = paramCount(findModelPreset("gpt-oss-120b")!.shape);
    expect(c.active).toBe(5711982912); // both tables (DeepSeek/Mixtral convention): 5.71B
    expect(c.active - c.embedding).toBe(5132849472); // model card: 5.13B
  });

  it("sliding windows and attention kinds match the reference", () => {
    expect(findModelPreset("mistral-7b")?.shape.slidingWindow).toEqual({ window: 4096, layers: "all" });
    expect(findModelPreset("gemma-2-9b")?.shape.slidingWindow).toEqual({ window: 4096, layers: "alternate" });
    expect(findModelPreset("gpt-oss-20b")?.shape.slidingWindow).toEqual({ window: 128, layers: "alternate" });
    expect(findModelPreset("palm-540b")?.shape.attention).toBe("mqa");
    expect(findModelPreset("deepseek-v3")?.shape.attention).toBe("mla");
    expect(findModelPreset("llama-2-7b")?.shape.attention).toBe("mha");
    expect(findModelPreset("llama-2-70b")?.shape.attention).toBe("gqa");
    expect(findModelPreset("falcon-180b")?.uncertain).toContain("tiedEmbeddings");
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, findHardwarePreset, HARDWARE_PRESETS, MODEL_PRESETS, PLAUSIBLE, rangeMessage, resolveScenario, paramCount } from "./index";
import type { PlausiblePath, Range } from "./index";

describe("resolveScenario", () => {
  it("should fill every field from the defaults", () => {
    const { scenario, issues } = resolveScenario({});
    expect(issues).toEqual([]);
    expect(scenario.model.preset).toBe("llama-3.1-8b");
    expect(scenario.hardware.chips).toBe(1);
    expect(scenario.workload).toEqual({ batch: 1, promptTokens: 1024, outputTokens: 256, prefillBatch: 1 });
  });

  it("should name each invalid field and keep the valid ones", () => {
    const { scenario, issues } = resolveScenario({ workload: { batch: -1, promptTokens: 2048 }, hardware: { chips: 0 }, model: { preset: "nope" } });
    expect(issues.map((i) => i.path).sort()).toEqual(["hardware.chips", "model.preset", "workload.batch"]);
    expect(issues.find((i) => i.path === "workload.batch")?.message).toBe("must be a whole number from 1 to 1,000,000 sequences (got -1)");
    expect(scenario.workload.promptTokens).toBe(2048);
    expect(scenario.workload.batch).toBe(1);
  });

  it("should refuse absurd sizes with a message", () => {
    expect(resolveScenario({ model: { params: 1e15 } }).issues[0]?.path).toBe("model.params");
    expect(resolveScenario("not an object").issues[0]?.path).toBe("(scenario)");
  });

  it("should derive a shape from a parameter count alone", () => {
    const { scenario } = resolveScenario({ model: { params: 7e9 } });
    const n = paramCount(scenario.model).total;
    expect(Math.abs(n - 7e9) / 7e9).toBeLessThan(0.01);
    expect(scenario.model.derivedFromParams).toBe(7e9);
  });

  it("should identify a chip given only by its datasheet figures", () => {
    const { scenario } = resolveScenario({ hardware: { name: "TPU", chips: 64, memoryBytes: 34359738368, memoryBandwidth: 1.2e12, peakFlops: { bf16: 275e12 }, interconnectBandwidth: 270e9 } });
    expect(scenario.hardware.topology).toBe("torus");
  });
});

describe("nothing in a scenario is silently ignored (issue 20)", () => {
  it("names an unknown or misspelt field, with the field it probably meant", () => {
    expect(resolveScenario({ workload: { bacth: 64 } }).issues).toEqual([{ path: "workload.bacth", message: 'unknown field; did you mean "batch"?' }]);
    expect(resolveScenario({ Workload: { batch: 64 } }).issues).toEqual([{ path: "Workload", message: 'unknown field; did you mean "workload"?' }]);
    expect(resolveScenario({ hardware: { peakFlops: { bf17: 1e15 } } }).issues[0]?.path).toBe("hardware.peakFlops.bf17");
    expect(resolveScenario({ model: { moe: { experts: 8, activeExperts: 2, sharedExperts: 0, dFFExpert: 1024, denseLayers: 0, foo: 1 } } }).issues[0]).toMatchObject({ path: "model.moe.foo" });
    expect(resolveScenario({ zzz: 1 }).issues[0]?.message).toMatch(/^unknown field; expected one of model, hardware, workload/);
  });

  it("keeps every valid field next to an unknown one (links fall back field by field)", () => {
    const { scenario, issues } = resolveScenario({ workload: { batch: 8, bacth: 64 } });
    expect(issues).toHaveLength(1);
    expect(scenario.workload.batch).toBe(8);
  });

  it("names a prototype-named field instead of failing inside (constructor, __proto__, …)", () => {
    const names = ["constructor", "hasOwnProperty", "valueOf", "toString", "__proto__", "isPrototypeOf"];
    const blocks = ["", "model", "model.moe", "model.mla", "hardware", "hardware.peakFlops", "hardware.achievable", "workload", "serving", "serving.slo", "serving.promptTokens"];
    const values = [1, {}, { name: 1 }, { run: 1 }, "x", null, []];
    for (const block of blocks) {
      for (const name of names) {
        for (const value of values) {
          // built from JSON text, as a file or the CLI gives it: "__proto__" is then an own key
          const leaf = `{${JSON.stringify(name)}: ${JSON.stringify(value)}}`;
          const text = block === "" ? leaf : block.split(".").reduceRight((inner, key) => `{"${key}": ${inner}}`, leaf);
          const input = JSON.parse(text) as unknown;
          const { issues } = resolveScenario(input);
          const path = block === "" ? name : `${block}.${name}`;
          expect(issues.map((i) => i.path), text).toContain(path);
          expect(issues.every((i) => i.message.length > 0 && !/Cannot read|undefined \(reading/.test(i.message))).toBe(true);
        }
      }
    }
  });

  it("accepts the contract's engine values and carries the one named", () => {
    expect(resolveScenario({ engine: "vllm" }).scenario.engine).toBe("vllm");
    expect(resolveScenario({}).scenario.engine).toBeUndefined();
    expect(resolveScenario({ engine: "ollama" }).issues[0]).toEqual({ path: "engine", message: 'must be one of tensorrt-llm, vllm, sglang, llama.cpp, mlx, jetstream, pytorch, generic (got "ollama")' });
  });

  it("validates the serving block and carries it resolved (absent: undefined)", () => {
    expect(resolveScenario({}).scenario.serving).toBeUndefined();
    const { scenario, issues } = resolveScenario({ workload: { promptTokens: 512 }, serving: { requestRate: 8 } });
    expect(issues).toEqual([]);
    expect(scenario.serving).toMatchObject({ load: { kind: "rate", requestRate: 8 }, promptTokens: { dist: "fixed", mean: 512 }, requests: 2000 });
    expect(resolveScenario({ serving: { requestRate: -1 } }).issues).toEqual([{ path: "serving.requestRate", message: "must be a number above 0 and at most 1,000,000 requests/s (got -1)" }]);
  });
});

describe("one meaning for a partial hardware block (issue 20)", () => {
  it("applies the fields given without a preset to the default preset", () => {
    const { scenario, issues } = resolveScenario({ hardware: { chips: 8, pricePerHour: 2 } });
    expect(issues).toEqual([]);
    const h100 = findHardwarePreset(DEFAULT_SCENARIO_INPUT.hardware.preset)!.spec;
    expect(scenario.hardware).toMatchObject({ preset: "h100-sxm", name: h100.name, chips: 8, pricePerHour: 2, interconnectBandwidth: h100.interconnectBandwidth, powerWatts: h100.powerWatts });
    // exactly what the same fields on top of the named default preset give
    expect(scenario).toEqual(resolveScenario({ hardware: { preset: "h100-sxm", chips: 8, pricePerHour: 2 } }).scenario);
  });

  it("starts a chip described by its datasheet figures from the preset with those figures", () => {
    const a100 = findHardwarePreset("a100-sxm-80gb") ?? HARDWARE_PRESETS.find((p) => p.id.startsWith("a100"))!;
    const { scenario } = resolveScenario({ hardware: { memoryBandwidth: a100.spec.memoryBandwidth, peakFlops: { bf16: a100.spec.peakFlops.bf16 } } });
    expect(scenario.hardware.preset).toBe(a100.id);
    expect(scenario.hardware.memoryBytes).toBe(a100.spec.memoryBytes);
  });
});

describe("plausible ranges (issue 20)", () => {
  const paths = Object.keys(PLAUSIBLE).filter((p) => !p.startsWith("serving.") && p !== "hardware.peakFlops") as PlausiblePath[];
  /** The smallest input that sets `path` (nested blocks given whole, so only the figure is judged). */
  function inputWith(path: string, value: number): unknown {
    const [head, ...rest] = path.split(".");
    if (head === "model" && rest[0] === "moe") return { model: { preset: "mixtral-8x7b", moe: { experts: 1e5, activeExperts: 2, sharedExperts: 0, dFFExpert: 14336, denseLayers: 0, [rest[1]!]: value } } };
    if (head === "model" && rest[0] === "mla") return { model: { preset: "deepseek-v3", mla: { kvLoraRank: 512, qkRopeHeadDim: 64, qLoraRank: 1536, qkNopeHeadDim: 128, vHeadDim: 128, [rest[1]!]: value } } };
    if (head === "model" && rest[0] === "slidingWindow") return { model: { slidingWindow: { window: value, layers: "all" } } };
    if (head === "model" && rest[0] === "params") return { model: { params: value } };
    // kvHeads ≤ heads and activeExperts ≤ experts are cross-field rules, judged elsewhere
    if (path === "model.kvHeads") return { model: { heads: 1e5, kvHeads: value } };
    const out: Record<string, unknown> = {};
    let cur = out;
    for (const key of [head!, ...rest.slice(0, -1)]) cur = cur[key] = {} as Record<string, unknown>;
    cur[rest[rest.length - 1] ?? head!] = value;
    return out;
  }

  it("refuses an absurd but finite figure, naming the field and its range", () => {
    for (const path of [...paths, "hardware.peakFlops.bf16"]) {
      const range: Range = PLAUSIBLE[(path.startsWith("hardware.peakFlops.") ? "hardware.peakFlops" : path) as PlausiblePath];
      for (const bad of [1e-300, 1e308, -1, range.max * 1.01 + 1]) {
        const input = path.startsWith("hardware.peakFlops.") ? { hardware: { peakFlops: { bf16: bad } } } : inputWith(path, bad);
        const { issues } = resolveScenario(input);
        if (range.min <= 1e-300 && bad === 1e-300) continue; // a probability of 1e-300 is allowed
        expect(issues, `${path} = ${bad}`).toContainEqual({ path, message: `${rangeMessage(range)} (got ${bad})` });
      }
    }
  });

  it("accepts both ends of every range", () => {
    for (const path of paths) {
      const range: Range = PLAUSIBLE[path];
      for (const ok of [range.minExclusive ? (range.integer ? range.min + 1 : range.min + 1e-9) : range.min, range.max]) {
        const issues = resolveScenario(inputWith(path, ok)).issues.filter((i) => i.path === path);
        expect(issues, `${path} = ${ok}`).toEqual([]);
      }
    }
  });

  it("holds every preset, written out field by field", () => {
    for (const p of MODEL_PRESETS) {
      const { name: _n, ...shape } = p.shape;
      expect(resolveScenario({ model: shape }).issues, p.id).toEqual([]);
    }
    for (const p of HARDWARE_PRESETS) {
      // The chip-level calibration (matrix-unit fill, collective latency) is not an input field:
      // it comes with the preset the figures identify.
      const { name: _n, matmulRowsHalf: _m, collectiveLatency: _c, ...spec } = p.spec;
      expect(resolveScenario({ hardware: spec }).issues, p.id).toEqual([]);
      expect(resolveScenario({ hardware: spec }).scenario.hardware.matmulRowsHalf, p.id).toBe(p.spec.matmulRowsHalf);
    }
  });
});

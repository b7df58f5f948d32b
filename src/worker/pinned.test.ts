/** Scenario A of a comparison (pinned.ts): its context curve and its never-throwing analysis. */
import { describe, expect, it } from "vitest";
import { evaluate, resolveScenario, type Scenario, type ScenarioInput } from "../core";
import { contextGrid } from "./api";
import { analysePinned, comparisonCurve } from "./pinned";

const scenarioOf = (input: ScenarioInput): Scenario => {
  const { scenario, issues } = resolveScenario(input);
  expect(issues).toEqual([]);
  return scenario;
};

/** The full report of a prefill of `context` tokens and one decode step, as each curve point claims to be. */
const atContext = (s: Scenario, context: number) => evaluate({ ...s, workload: { ...s.workload, promptTokens: context, outputTokens: 1 } });

describe("comparisonCurve", () => {
  it("spans min(64, prompt) … the model's context window in 40 increasing contexts, the grid of the breakdown chart", () => {
    const s = scenarioOf({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 4 }, workload: { batch: 16, promptTokens: 4096, outputTokens: 256 } });
    const contexts = comparisonCurve(s).map((p) => p.context);
    expect(contexts).toHaveLength(40);
    expect(contexts[0]).toBe(64);
    expect(contexts.at(-1)).toBe(131072);
    for (let i = 1; i < contexts.length; i++) expect(contexts[i]!).toBeGreaterThan(contexts[i - 1]!);
    expect(contexts).toEqual(contextGrid(4096, 256, 131072));
  });

  it("starts at a prompt shorter than 64 and reaches 2 × prompt + output past the window", () => {
    const short = comparisonCurve(scenarioOf({ model: { preset: "llama-3.1-8b" }, workload: { promptTokens: 10, outputTokens: 5 } }));
    expect(short[0]?.context).toBe(10);
    const long = comparisonCurve(scenarioOf({ model: { preset: "llama-3.1-8b" }, workload: { promptTokens: 100_000, outputTokens: 50_000 } }));
    expect(long.at(-1)?.context).toBe(250_000);
  });

  it("gives at each context the prefill time, one decode step and the fit of the full evaluation", () => {
    const s = scenarioOf({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm", chips: 1 }, workload: { batch: 64, promptTokens: 2048, outputTokens: 128 } });
    const curve = comparisonCurve(s);
    for (const i of [0, 13, 27, curve.length - 1]) {
      const p = curve[i]!;
      const r = atContext(s, p.context);
      expect(p.prefillS).toBe(r.prefill.timeS);
      expect(p.decodeStepS).toBe(r.decode.timePerTokenS);
      expect(p.fits).toBe(r.memory.fits);
    }
    // 64 sequences of 64 tokens fit on one 80 GB chip beside 16 GB of weights; 64 × 131,072 do not
    expect(curve[0]?.fits).toBe(true);
    expect(curve.at(-1)?.fits).toBe(false);
    // prefill grows with the context
    expect(curve.at(-1)!.prefillS).toBeGreaterThan(100 * curve[0]!.prefillS);
  });
});

describe("analysePinned", () => {
  it("resolves, evaluates and sweeps scenario A", () => {
    const input: ScenarioInput = { model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 8 } };
    const s = scenarioOf(input);
    const a = analysePinned(input);
    expect(a.error).toBeNull();
    expect(a.issues).toEqual([]);
    expect(a.scenario).toEqual(s);
    expect(a.report).toEqual(evaluate(s));
    expect(a.curve).toEqual(comparisonCurve(s));
  });

  it("reports the core's issues and still evaluates with the defaults it falls back to", () => {
    const a = analysePinned({ workload: { batch: -3 } });
    expect(a.issues.map((i) => i.path)).toEqual(["workload.batch"]);
    expect(a.error).toBeNull();
    expect(a.report).toEqual(evaluate(resolveScenario({}).scenario));
  });

  it("never throws: an input it cannot read becomes an error naming scenario A", () => {
    const unreadable = Object.defineProperty({}, "model", { enumerable: true, get: () => { throw new Error("boom"); } }) as ScenarioInput;
    expect(analysePinned(unreadable)).toEqual({ scenario: null, issues: [], report: null, curve: [], error: "Could not evaluate scenario A: boom" });
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, type ScenarioInput } from "../../core/index";
import { decodeComparison, encodeComparison, encodeScenario, MAX_COMPARE_CHARS } from "./codec";

const D = structuredClone(DEFAULT_SCENARIO_INPUT) as ScenarioInput;
const B: ScenarioInput = { ...D, precision: { ...D.precision, weights: "int4" } };
const A: ScenarioInput = { ...D, model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 4 } };

describe("comparison links (cmp)", () => {
  it("should carry scenario A as its own encoded query in cmp, after B", () => {
    const link = encodeComparison(B, A);
    expect(link).toBe(`${encodeScenario(B)}&cmp=${encodeURIComponent(encodeScenario(A))}`);
    expect(link).toBe("v=1&w=int4&cmp=v%3D1%26m%3Dllama-3.1-70b%26n%3D4");
  });

  it("should read both scenarios back exactly", () => {
    const { a, b } = decodeComparison(`https://example.org/?${encodeComparison(B, A)}`);
    expect(b.warnings).toEqual([]);
    expect(b.input.precision?.weights).toBe("int4");
    expect(a?.warnings).toEqual([]);
    expect(a?.input.model).toEqual({ preset: "llama-3.1-70b" });
    expect(a?.input.hardware).toEqual({ preset: "h100-sxm", chips: 4 });
  });

  it("should write a plain link without A, and read no A from it", () => {
    expect(encodeComparison(B, null)).toBe("v=1&w=int4");
    expect(decodeComparison("v=1&w=int4").a).toBeNull();
    expect(decodeComparison("v=1&cmp=").a).toBeNull();
  });

  it("should report A's bad fields prefixed cmp: and keep B whole", () => {
    const { a, b } = decodeComparison("v=1&b=8&cmp=v%3D1%26b%3Dabc%26w%3Dfp8");
    expect(b.input.workload?.batch).toBe(8);
    expect(b.warnings).toEqual([]);
    expect(a?.input.precision?.weights).toBe("fp8");
    expect(a?.warnings).toHaveLength(1);
    expect(a?.warnings[0]).toMatch(/^cmp: workload\.batch: must be a whole number/);
  });

  it("should ignore an over-long A with a warning, and never nest a second cmp", () => {
    const long = decodeComparison(`v=1&cmp=${"x".repeat(MAX_COMPARE_CHARS + 1)}`);
    expect(long.a).toBeNull();
    expect(long.b.warnings).toEqual([`cmp: longer than ${MAX_COMPARE_CHARS} characters; scenario A ignored`]);
    const nested = decodeComparison(`v=1&cmp=${encodeURIComponent(encodeComparison(B, A))}`);
    expect(nested.a?.input.precision?.weights).toBe("int4"); // A = B's query; its own cmp is passed through, not read
  });
});

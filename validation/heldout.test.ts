/**
 * Public measurements collected for issue 13 before any constant was set from them
 * (validation/heldout_cases.json): vLLM and SGLang on NVIDIA and AMD, llama.cpp and MLX on Apple
 * and RTX, TensorRT-LLM, JetStream. The four OCI MI300X vLLM cases are calibration (they set
 * vLLM's kernel and per-sequence costs); the rest are held out. Accuracy is printed for each
 * part, per engine and per vendor, and the held-out part must meet the same floor as the public
 * measured cases.
 */
import { describe, expect, it } from "vitest";
import { caseTests, formatTally, loadCases, runAll, split, tally, type CaseResult } from "./cases";

const cases = loadCases("heldout_cases.json");
const resultOf = runAll(cases);
const VENDORS = ["nvidia", "amd", "apple", "tpu"] as const;

describe("held-out public measurements (issue 13)", () => {
  caseTests(cases, resultOf);

  const all = () => cases.map(resultOf);
  it("prints calibration and held-out accuracy apart, per engine and per vendor", () => {
    const { calibration, heldOut } = split(all());
    const group = (key: (r: CaseResult) => string) => {
      const m = new Map<string, CaseResult[]>();
      for (const r of heldOut) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return [...m].map(([k, rs]) => `${k} ${formatTally(tally(rs))}`).join("; ");
    };
    console.log(`calibration ${formatTally(tally(calibration))}; held out ${formatTally(tally(heldOut))}`);
    console.log(`held out by engine: ${group((r) => String(r.c.scenario.engine ?? "default"))}`);
    console.log(`held out by vendor: ${group((r) => VENDORS.find((v) => r.c.tags.includes(v)) ?? "other")}`);
    expect(calibration.length + heldOut.length).toBe(cases.length);
    expect(calibration.every((r) => r.pass)).toBe(true);
  });

  it("no case is both calibration and held out, and every case names its engine", () => {
    for (const c of cases) {
      expect(c.tags.includes("calibration") && c.tags.includes("held-out"), c.id).toBe(false);
      expect(c.scenario.engine, c.id).toBeDefined();
    }
  });

  // The floor the public measured cases meet (≥ 80 % inside) holds on the held-out cases too.
  it("at least 80 % of the non-stress held-out measured cases are inside tolerance", () => {
    const rs = split(all()).heldOut.filter((r) => r.group === "measured");
    expect(tally(rs).pass / rs.length).toBeGreaterThanOrEqual(0.8);
  });
});

import { describe, expect, it } from "vitest";
import { loadCases, runCase, type CaseResult } from "./cases";

const cases = loadCases();
const results: CaseResult[] = [];

describe("published validation cases", () => {
  for (const c of cases) {
    it(`${c.kind} ${c.id}`, () => {
      const r = runCase(c);
      results.push(r);
      const v = typeof r.value === "number" ? r.value.toPrecision(5) : String(r.value);
      console.log(`${r.pass ? "PASS" : "MISS"} ${r.group.padEnd(8)} ${c.id.padEnd(46)} ${v.padStart(12)} vs ${String(c.expected).padStart(12)}  err ${r.errorPct.toFixed(1).padStart(6)} % (tol ${c.tolerance_pct} %)`);
      // Analytic (non-stress) cases are exact arithmetic: each must pass on its own.
      if (r.group === "analytic") expect(Math.abs(r.errorPct)).toBeLessThanOrEqual(c.tolerance_pct);
    });
  }

  it("every analytic case and at least 80 % of the non-stress measured cases are inside tolerance", () => {
    const by = (g: CaseResult["group"]) => results.filter((r) => r.group === g);
    const rate = (rs: CaseResult[]) => rs.filter((r) => r.pass).length / Math.max(1, rs.length);
    const measured = by("measured");
    const abs = measured.map((r) => Math.abs(r.errorPct)).sort((a, b) => a - b);
    console.log(
      `analytic ${by("analytic").filter((r) => r.pass).length}/${by("analytic").length}, measured ${measured.filter((r) => r.pass).length}/${measured.length}, stress ${by("stress").filter((r) => r.pass).length}/${by("stress").length}; median |error| measured ${abs[Math.floor(abs.length / 2)]?.toFixed(1)} %`,
    );
    expect(results.length).toBe(cases.length);
    expect(rate(by("analytic"))).toBe(1);
    expect(rate(measured)).toBeGreaterThanOrEqual(0.8);
  });
});

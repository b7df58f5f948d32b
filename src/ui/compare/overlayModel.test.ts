import { describe, expect, it } from "vitest";
import { overlayGeometry, overlayRows } from "./overlayModel";

const pt = (context: number, decodeStepS: number) => ({ context, decodeStepS, prefillS: decodeStepS * 10, fits: true });

describe("overlayGeometry", () => {
  it("should place both curves on shared log axes: 100 → left edge, 10,000 → right edge", () => {
    const g = overlayGeometry([pt(100, 1e-3), pt(10_000, 1e-2)], [pt(100, 2e-3), pt(10_000, 4e-3)], "decodeStepS", 560, 220);
    expect(g.a).toBe("M52.0 194.0 L550.0 10.0");
    expect(g.b.startsWith("M52.0 ")).toBe(true);
    expect(g.xTicks.map((t) => t.label)).toEqual(["100", "1k", "10k"]);
    expect(g.unit).toBe("ms");
    expect(g.yTicks.map((t) => t.label)).toEqual(["1", "10"]);
  });

  it("should add 2× and 5× ticks when the curves span less than two decades (3–30 ms → 5, 10, 20)", () => {
    const g = overlayGeometry([pt(100, 3e-3)], [pt(1000, 3e-2)], "decodeStepS");
    expect(g.yTicks.map((t) => t.label)).toEqual(["5", "10", "20"]);
  });

  it("should draw nothing (not NaN) for empty or non-positive data", () => {
    const g = overlayGeometry([], [pt(0, 0), pt(5, NaN)], "prefillS");
    expect(g.a).toBe("");
    expect(g.b).toBe("");
    expect(JSON.stringify(g)).not.toMatch(/NaN|Infinity/);
  });

  it("should list both sides for CSV", () => {
    expect(overlayRows([pt(1, 1)], [pt(2, 2)])).toEqual([
      { scenario: "A", context: 1, prefillS: 10, decodeStepS: 1, fits: "yes" },
      { scenario: "B", context: 2, prefillS: 20, decodeStepS: 2, fits: "yes" },
    ]);
  });
});

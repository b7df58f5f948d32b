import { describe, expect, it } from "vitest";
import { breakEvenGeometry } from "./breakEvenModel";

// days = 100 / rate: 1,000 days at 0.1 req/s … 0.1 days at 1,000 req/s
const pts = [-1, 0, 1, 2, 3].map((e) => ({ requestsPerS: 10 ** e, days: 100 / 10 ** e }));

describe("break-even chart geometry", () => {
  it("should place a falling straight line with decade ticks, the month and year lines, and the marker", () => {
    const g = breakEvenGeometry(pts, { requestsPerS: 10, days: 10 });
    if (typeof g === "string") throw new Error(g);
    expect(g.xTicks.map((t) => t.label)).toEqual(["0.1", "1", "10", "100", "1,000"]);
    expect(g.yTicks.map((t) => t.label)).toEqual(["0.1", "1", "10", "100", "1,000"]);
    expect(g.refs.map((r) => r.label)).toEqual(["a month", "a year"]);
    // the marker sits in the middle of both log axes (10 req/s, 10 days)
    expect(g.marker!.x).toBeCloseTo((g.plot.left + g.plot.right) / 2, 6);
    expect(g.marker!.y).toBeCloseTo((g.plot.top + g.plot.bottom) / 2, 6);
    expect(g.path.startsWith(`M${g.plot.left.toFixed(1)} ${g.plot.top.toFixed(1)}`)).toBe(true);
  });
  it("should say why there is no line: never (B saves nothing) or at once (nothing to pay back)", () => {
    expect(breakEvenGeometry(pts.map((p) => ({ ...p, days: null })), { requestsPerS: 1, days: null })).toBe("never");
    expect(breakEvenGeometry(pts.map((p) => ({ ...p, days: 0 })), { requestsPerS: 1, days: 0 })).toBe("at-once");
  });
  it("should leave out the marker when the traffic set has no break-even on the plot", () => {
    const g = breakEvenGeometry(pts, { requestsPerS: 1e6, days: 1e-4 });
    expect(typeof g !== "string" && g.marker).toBeNull();
  });
});

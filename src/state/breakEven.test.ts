import { describe, expect, it } from "vitest";
import { breakEvenRangeMessage, breakEvenReserved, readBreakEven } from "./breakEven";

describe("break-even assumptions in a link", () => {
  it("should write only what the user set, and only beside a compared scenario", () => {
    expect(breakEvenReserved({ trainingTokens: 2e10, requestsPerS: 0.5, teacherForward: false }, true)).toEqual({ bet: "2e10", ber: "0.5", bef: "0" });
    expect(breakEvenReserved({}, true)).toEqual({});
    expect(breakEvenReserved({ mfu: 0.3 }, false)).toEqual({});
  });

  it("should read back what it wrote", () => {
    const d = { trainingTokens: 1.5e12, mfu: 0.35, requestsPerS: 250, teacherForward: true };
    expect(readBreakEven(breakEvenReserved(d, true), true)).toEqual({ distill: d, warnings: [] });
  });

  it("should name each value it cannot use, in the page's words, and keep the rest", () => {
    const r = readBreakEven({ bet: "-5", bem: "0.3", ber: "1e9", bef: "yes" }, true);
    expect(r.distill).toEqual({ mfu: 0.3 });
    expect(r.warnings).toEqual([
      'bet: Break-even training tokens must be a number from 0 to 1e15 tokens (got "-5"); ignored',
      'ber: Break-even traffic must be a number from 0.0001 to 10,000,000 requests/s (got "1e9"); ignored',
      `bef: whether the teacher's forward pass counts must be 1 or 0 (got "yes"); ignored`,
    ]);
    expect(breakEvenRangeMessage("mfu")).toBe("Break-even training MFU must be a number from 0.01 to 1 (fraction of peak)");
  });

  it("should say so when break-even values come without a compared scenario", () => {
    expect(readBreakEven({ bet: "1e9", ber: "2" }, false)).toEqual({ distill: {}, warnings: ["bet, ber: break-even values without a compared scenario (cmp); ignored"] });
  });
});

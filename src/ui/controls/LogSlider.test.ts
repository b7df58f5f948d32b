import { describe, expect, it } from "vitest";
import { AHEAD_POSITIONS, fromPosition, toPosition, valueAt, valuesAround } from "./LogSlider";

describe("log slider positions", () => {
  it("should map the ends and the geometric middle (1000 positions per range)", () => {
    expect(toPosition(1, 1, 4096)).toBe(0);
    expect(toPosition(4096, 1, 4096)).toBe(1000);
    expect(toPosition(64, 1, 4096)).toBe(500); // 64 = √4096
    expect(fromPosition(500, 1, 4096)).toBeCloseTo(64, 9);
    expect(toPosition(-3, 1, 4096)).toBe(0);
  });

  it("should move an integer slider by at least one unit per step, and keep 3 figures otherwise", () => {
    // batch 10 sits at position 277; one step right is 10.08, which would round back to 10
    const pos = toPosition(10, 1, 4096);
    expect(pos).toBe(277);
    expect(valueAt(pos + 1, pos, 10, 1, 4096, true)).toBe(11);
    expect(valueAt(pos - 1, pos, 10, 1, 4096, true)).toBe(9);
    expect(valueAt(1000, 0, 1, 1, 4096, true)).toBe(4096);
    expect(valueAt(500, 0, null, 1e8, 1e12)).toBe(1e10);
    expect(valueAt(501, 0, null, 1e8, 1e12)).toBe(1.01e10); // 1e10 × 10^(4/1000) = 1.0093e10 → 3 figures
  });

  it("should list the values a key press or a short drag can reach, the current one left out", () => {
    const pos = toPosition(10, 1, 4096);
    const vs = valuesAround(pos, 10, 1, 4096, true);
    expect(vs).toContain(11);
    expect(vs).toContain(9);
    expect(vs).not.toContain(10);
    expect(new Set(vs).size).toBe(vs.length);
    // every position within the window lands on one of them
    for (let p = pos - AHEAD_POSITIONS; p <= pos + AHEAD_POSITIONS; p++) if (p !== pos) expect(vs).toContain(valueAt(p, pos, 10, 1, 4096, true));
    expect(valuesAround(0, 1, 1, 4096, true).every((v) => v > 1)).toBe(true);
    // nearest first: a key press's two neighbours lead
    expect(new Set(vs.slice(0, 2))).toEqual(new Set([9, 11]));
  });
});

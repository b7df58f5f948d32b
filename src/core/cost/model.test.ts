import { describe, expect, it } from "vitest";
import { expectedExpertsHit, meanCappedContext } from "./model";
import { torusAxes } from "./partition";

describe("model helpers", () => {
  it("should count distinct experts hit: E·(1 − (1 − k/E)^tokens)", () => {
    expect(expectedExpertsHit(8, 2, 1)).toBeCloseTo(2, 12);
    expect(expectedExpertsHit(8, 2, 2)).toBeCloseTo(3.5, 12); // 8 · (1 − 0.75²)
    expect(expectedExpertsHit(8, 8, 1)).toBe(8);
  });

  it("should average min(T, W) over the decode steps exactly", () => {
    expect(meanCappedContext(1024, 256, Infinity)).toBe(1152.5); // 1024 + 257/2
    expect(meanCappedContext(100, 10, 50)).toBe(50);
    expect(meanCappedContext(40, 20, 50)).toBe(47.75); // (41+…+50 = 455, + 10·50) / 20
  });

  it("should lay chips out as a near-cubic torus (Pope et al.: 64 = 4×4×4)", () => {
    expect(torusAxes(64)).toEqual([4, 4, 4]);
    expect(torusAxes(8)).toEqual([2, 2, 2]);
    expect(torusAxes(16)).toEqual([2, 2, 4]);
    expect(torusAxes(1)).toEqual([1, 1, 1]);
  });
});

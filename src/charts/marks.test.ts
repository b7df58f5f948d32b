import { expect, test } from "vitest";
import { linePath, pixel } from "./marks";

// x → 10x, y → 100 − y; the log axis's "no value" is what the frame's scale (axisScale) returns for ≤ 0
const ctx = {
  x: (v: number) => v * 10,
  y: (v: number) => (v > 0 ? 100 - v : undefined),
  area: { x: 0, y: 0, width: 100, height: 100 },
  clip: "",
};

test("a line breaks where a value is missing and steps when asked", () => {
  expect(linePath(ctx, [[1, 10], [2, 20], [3, null], [4, 40], [5, 0], [6, 60]])).toBe("M10.0,90.0L20.0,80.0M40.0,60.0M60.0,40.0");
  expect(linePath(ctx, [[1, 10], [2, 20]], true)).toBe("M10.0,90.0H20.0V80.0");
  expect(linePath(ctx, [])).toBe("");
});

test("a point maps to pixels only where both scales give a finite value", () => {
  expect(pixel(ctx, 2, 30)).toEqual({ cx: 20, cy: 70 });
  expect(pixel(ctx, 2, 0)).toBeNull();
  expect(pixel(ctx, NaN, 30)).toBeNull();
});

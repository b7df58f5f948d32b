import { expect, test } from "vitest";
import { shareEqual } from "./share";

test("equal parts keep the previous references; changed parts are new", () => {
  const prev = { domain: [1, 10], ticks: [1, 10], points: [{ x: 1, y: 2 }], name: "a" };
  const next = { domain: [1, 10], ticks: [1, 10], points: [{ x: 1, y: 3 }], name: "a" };
  const out = shareEqual(prev, next);
  expect(out).toEqual(next);
  expect(out.domain).toBe(prev.domain);
  expect(out.ticks).toBe(prev.ticks);
  expect(out.points).not.toBe(prev.points);
  expect(shareEqual(prev, structuredClone(prev))).toBe(prev);
  expect(shareEqual([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
  expect(shareEqual({ a: NaN }, { a: NaN }).a).toBeNaN();
});

import { expect, test } from "vitest";
import { axisScale, shownTicks, textWidth } from "./frame";

test("a log axis maps decades evenly, as the roofline's did under Recharts (0.1…10k on 56…802 px)", () => {
  const x = axisScale({ domain: [0.1, 1e4], log: true }, 56, 802);
  // five decades over 746 px: 149.2 px each (Recharts drew the ticks at 56, 205.2, 354.4, …, 802)
  expect(x(0.1)).toBeCloseTo(56, 9);
  expect(x(1)).toBeCloseTo(205.2, 9);
  expect(x(1e4)).toBeCloseTo(802, 9);
  // outside the domain is drawn outside the plot (clipped by the marks), not clamped
  expect(x(1e5)).toBeCloseTo(951.2, 9);
  // no position for 0 or a negative value on a log axis
  expect(x(0)).toBeUndefined();
  expect(x(-1)).toBeUndefined();
});

test("a linear y axis runs bottom to top (0…200 GB on 252…22 px)", () => {
  const y = axisScale({ domain: [0, 200] }, 252, 22);
  expect(y(0)).toBe(252);
  expect(y(50)).toBe(194.5);
  expect(y(200)).toBe(22);
  expect(y(NaN)).toBeUndefined();
});

test("tick labels that would overlap are dropped from the far end back, keeping the last", () => {
  const w = () => 20; // every label 20 px wide: centres must be ≥ 25 px apart (20 + 5 px gap)
  const ticks = [0, 10, 30, 50, 60, 100].map((at) => ({ at, text: String(at) }));
  // from 100 back: 60 (40 apart) kept, 50 (10 from 60) dropped, 30 (30 from 60) kept, 10 (20) dropped, 0 (30) kept
  expect(shownTicks(ticks, w)).toEqual([true, false, true, false, true, true]);
  // the order of the input does not matter
  expect(shownTicks([...ticks].reverse(), w)).toEqual([true, true, false, true, false, true]);
  expect(shownTicks([], w)).toEqual([]);
});

test("without a canvas (Node), a label's width is estimated at 0.6 em a character", () => {
  expect(textWidth("10k")).toBeCloseTo(3 * 11 * 0.6, 9);
});

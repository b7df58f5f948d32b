import { describe, expect, it } from "vitest";
import type { ContextPoint, ContextSweep } from "../core/curves";
import { formatContextTick } from "../core/format";
import {
  breakdownChartModel,
  niceTicks,
  stackPhase,
  dominantOf,
  log2Ticks,
  memoryBarModel,
  timeUnitFor,
} from "./viewModels";

const zero = { weightLoad: 0, kvRead: 0, matmulCompute: 0, attentionCompute: 0, communication: 0, overhead: 0 };

function point(context: number, over: Partial<ContextPoint> = {}): ContextPoint {
  const decode = { ...zero, weightLoad: 0.02, kvRead: context * 1e-7 };
  const prefill = { ...zero, matmulCompute: context * 1e-5, attentionCompute: context * context * 1e-10 };
  return {
    context,
    prefill,
    prefillS: prefill.matmulCompute + prefill.attentionCompute,
    decode,
    decodeStepS: decode.weightLoad + decode.kvRead,
    fits: context <= 65536,
    ...over,
  };
}

const grid = [64, 256, 1024, 4096, 16384, 65536, 131072];
const sweep: ContextSweep = {
  points: grid.map((c) => point(c)),
  promptTokens: 1024,
  meanDecodeContext: 1152.5,
  maxContextTokens: 65536,
};
const report = {
  prefill: { breakdown: { ...zero, matmulCompute: 0.01, attentionCompute: 0.001 } },
  decode: { breakdown: { ...zero, weightLoad: 5.12, kvRead: 0.03, overhead: 0.2 } },
};

describe("breakdownChartModel", () => {
  it("should give one row per sweep point with times in the chart's unit", () => {
    const m = breakdownChartModel(sweep, report)!;
    expect(m.prefill.rows).toHaveLength(grid.length);
    expect(m.decode.unit.name).toBe("ms");
    const r = m.decode.rows[2]!;
    expect(r.context).toBe(1024);
    expect(r.weightLoad).toBeCloseTo(20, 9);
    expect(r.kvRead).toBeCloseTo(1024 * 1e-7 * 1e3, 9);
    expect(r.total).toBeCloseTo(r.weightLoad + r.kvRead, 9);
  });

  it("should list only components that appear, in stacking order", () => {
    const m = breakdownChartModel(sweep, report)!;
    expect(m.decode.series.map((s) => s.key)).toEqual(["weightLoad", "kvRead"]);
    expect(m.prefill.series.map((s) => s.key)).toEqual(["matmulCompute", "attentionCompute"]);
  });

  it("should mark the prompt on prefill and the mean decode context on decode", () => {
    const m = breakdownChartModel(sweep, report)!;
    expect(m.prefill.marker).toBe(1024);
    expect(m.decode.marker).toBe(1152.5);
  });

  it("should name the dominant component at the scenario's context from the report", () => {
    const m = breakdownChartModel(sweep, report)!;
    expect(m.decode.dominant?.key).toBe("weightLoad");
    expect(m.decode.dominant?.share).toBeCloseTo(5.12 / 5.35, 9);
    expect(m.prefill.dominant?.key).toBe("matmulCompute");
    expect(m.ariaLabel).toMatch(/Decode step time: mostly weight loading \(96%\)/);
    expect(m.ariaLabel).toMatch(/log axis/);
  });

  it("should report where the batch stops fitting", () => {
    const m = breakdownChartModel(sweep, report)!;
    expect(m.notFitFrom).toBe(131072);
    expect(m.ariaLabel).toMatch(/no longer fits/);
  });

  it("should never put NaN or Infinity in a row", () => {
    const bad: ContextSweep = {
      ...sweep,
      points: [
        point(64, { decode: { ...zero, weightLoad: NaN, kvRead: Infinity }, decodeStepS: NaN }),
        point(128),
        point(Number.NaN),
      ],
    };
    const m = breakdownChartModel(bad, null)!;
    expect(m.decode.rows).toHaveLength(2);
    for (const row of [...m.decode.rows, ...m.prefill.rows]) {
      for (const v of Object.values(row)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
    expect(m.decode.dominant).toBeNull();
  });

  it("should return null when there is nothing to draw", () => {
    expect(breakdownChartModel(null, null)).toBeNull();
    expect(breakdownChartModel({ ...sweep, points: [point(64)] }, report)).toBeNull();
  });
});

describe("chart helpers", () => {
  it("should pick µs, ms or s by the largest value", () => {
    expect(timeUnitFor(1e-4).name).toBe("µs");
    expect(timeUnitFor(0.5).name).toBe("ms");
    expect(timeUnitFor(30).name).toBe("s");
    expect(timeUnitFor(NaN).name).toBe("ms");
  });

  it("should give at most 7 power-of-two ticks inside the domain", () => {
    expect(log2Ticks(64, 1024)).toEqual([64, 128, 256, 512, 1024]);
    const t = log2Ticks(64, 1048576);
    expect(t.length).toBeLessThanOrEqual(7);
    expect(t[0]).toBe(64);
    expect(t.every((x) => x >= 64 && x <= 1048576)).toBe(true);
    expect(log2Ticks(0, 10)).toEqual([]);
  });

  it("should format context ticks in 1024-based k and M", () => {
    expect(formatContextTick(512)).toBe("512");
    expect(formatContextTick(4096)).toBe("4k");
    expect(formatContextTick(1048576)).toBe("1M");
    expect(formatContextTick(NaN)).toBe("");
  });

  it("should find no dominant component in an empty breakdown", () => {
    expect(dominantOf(zero)).toBeNull();
    expect(dominantOf(undefined)).toBeNull();
  });
});

describe("memoryBarModel", () => {
  it("should scale segments to capacity when everything fits", () => {
    const m = memoryBarModel({
      perChip: { weights: 40e9, kvCache: 10e9, activations: 5e9, reserve: 5e9 },
      capacityBytes: 80e9,
      fits: true,
    });
    expect(m.segments.map((s) => s.fraction)).toEqual([0.5, 0.125, 0.0625, 0.0625]);
    expect(m.capacityAt).toBe(1);
    expect(m.used).toBeCloseTo(55 / 80, 12); // needed (reserve left out) of usable (capacity when not given)
  });

  it("should scale to the need and mark capacity inside the bar when it does not fit", () => {
    const m = memoryBarModel({
      perChip: { weights: 140e9, kvCache: 20e9, activations: 0, reserve: 0 },
      capacityBytes: 80e9,
      fits: false,
    });
    expect(m.capacityAt).toBeCloseTo(0.5, 12);
    expect(m.used).toBeCloseTo(2, 12);
    expect(m.segments[0]!.fraction).toBeCloseTo(140 / 160, 12);
  });

  it("should give the share of the usable memory, so the percentage and the verdict agree (issue 19)", () => {
    // 67.1 GB needed + 3.76 GB reserve on an 85.9 GB chip: 82.1 GB usable, 81.7 %
    const m = memoryBarModel({ perChip: { weights: 17.6e9, kvCache: 49.3e9, activations: 0.2e9, reserve: 3.8e9 }, capacityBytes: 85.9e9, usableBytes: 82.1e9, fits: true });
    expect(m.used).toBeCloseTo(67.1 / 82.1, 12);
    const over = memoryBarModel({ perChip: { weights: 17.6e9, kvCache: 65e9, activations: 0, reserve: 3.8e9 }, capacityBytes: 85.9e9, usableBytes: 82.1e9, fits: false });
    expect(over.used!).toBeGreaterThan(1); // 82.6 of 82.1 GB usable: over 100 % exactly when it does not fit
    expect(over.capacityAt).toBeLessThan(1);
  });

  it("should survive a missing capacity and non-finite parts", () => {
    const m = memoryBarModel({
      perChip: { weights: Infinity, kvCache: NaN, activations: 1, reserve: 0 },
      capacityBytes: NaN,
      fits: false,
    });
    expect(m.used).toBeNull();
    for (const s of m.segments) expect(Number.isFinite(s.fraction)).toBe(true);
  });
});

describe("stackPhase", () => {
  const phase = {
    phase: "decode",
    title: "t",
    unit: { name: "ms", perSecond: 1e3 },
    rows: [
      { context: 64, fits: true, total: 4, weightLoad: 3, kvRead: 1, matmulCompute: 0, attentionCompute: 0, communication: 0, overhead: 0 },
      { context: 128, fits: true, total: 0, weightLoad: 0, kvRead: 0, matmulCompute: 0, attentionCompute: 0, communication: 0, overhead: 0 },
    ],
    series: [
      { key: "weightLoad", label: "Weight loading", color: "#000" },
      { key: "kvRead", label: "KV-cache reading", color: "#111" },
    ],
    marker: 64,
    markerLabel: "m",
    dominant: null,
  } as const satisfies Parameters<typeof stackPhase>[0];

  it("should stack each component on the ones before it, in the phase's unit", () => {
    const t = stackPhase(phase, "time");
    expect(t.bands.map((b) => b.pts[0])).toEqual([
      [64, 0, 3],
      [64, 3, 4],
    ]);
    expect(t.yTicks).toEqual([0, 1, 2, 3, 4]);
    expect(t.yDomain).toEqual([0, 4]);
  });

  it("should give shares of the row's total, and 0 for a row without time", () => {
    const s = stackPhase(phase, "share");
    expect(s.bands[1]!.pts[0]).toEqual([64, 0.75, 1]);
    expect(s.bands[1]!.pts[1]).toEqual([128, 0, 0]);
    expect(s.yDomain).toEqual([0, 1]);
  });

  it("should pick round steps that reach the maximum", () => {
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(7.3)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.0091)).toEqual([0, 0.0025, 0.005, 0.0075, 0.01]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(NaN)).toEqual([0, 1]);
  });
});

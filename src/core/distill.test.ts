import { describe, expect, it } from "vitest";
import { breakEvenAgainstTraffic, breakEvenDays, distillAssumptions, distillBreakEven, distillFor, rateToBreakEvenWithin, servingCostPerDay, trainingChipHours, trainingFlops, type DistillInput } from "./distill";
import { compareReports, difference, ratio } from "./compare";
import { evaluate, resolveScenario } from "./index";

/** The hand-worked case: an 8B student on 1e15 FLOP/s chips at 40 % MFU and $2/h, 10 req/s of 1,000 in / 200 out. */
const HAND: DistillInput = {
  studentParams: 8e9,
  trainingTokens: 1e11,
  mfu: 0.4,
  peakFlops: 1e15,
  pricePerChipHour: 2,
  requestsPerS: 10,
  promptTokens: 1000,
  outputTokens: 200,
  teacher: { costPerMillionInputTokens: 0.5, costPerMillionOutputTokens: 2 },
  student: { costPerMillionInputTokens: 0.1, costPerMillionOutputTokens: 0.4 },
};

describe("distillation break-even", () => {
  it("should count 6 × N × D training FLOPs (8e9 params × 1e10 tokens = 4.8e20)", () => {
    expect(trainingFlops(8e9, 1e10)).toBe(4.8e20);
  });

  it("should turn FLOPs into chip-hours at an MFU (3.6e18 FLOP at 1e15 × 0.5 → 2 chip-h)", () => {
    expect(trainingChipHours(3.6e18, 1e15, 0.5)).toBe(2);
  });

  it("should price a day of traffic (1 req/s, 1,000 in at $1/M, 100 out at $10/M → $172.80)", () => {
    expect(servingCostPerDay(1, 1000, 100, 1, 10)).toBeCloseTo(172.8, 10);
  });

  it("should divide the one-time cost by the daily saving, and give null when nothing is saved", () => {
    expect(breakEvenDays(1000, 250)).toBe(4);
    expect(breakEvenDays(1000, 0)).toBeNull();
    expect(breakEvenDays(1000, -5)).toBeNull();
  });

  it("should combine them: 4.8e21 FLOP on 1e15 FLOP/s chips at 40 % MFU and $2/h, saving $622.08/day → 10.72 days", () => {
    // student 8e9 params × 1e11 tokens × 6 = 4.8e21 FLOP → 4.8e21 / 4e14 / 3600 = 3,333.33 chip-h → $6,666.67
    // teacher: 10 req/s × 86,400 × (1,000 × $0.50 + 200 × $2.00) / 1e6 = $777.60/day
    // student: 10 req/s × 86,400 × (1,000 × $0.10 + 200 × $0.40) / 1e6 = $155.52/day → saving $622.08/day
    const r = distillBreakEven(HAND);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.result.trainingFlops).toBe(4.8e21);
    expect(r.result.trainingChipHours).toBeCloseTo(3_333.333, 3);
    expect(r.result.oneTimeCost).toBeCloseTo(6_666.667, 3);
    expect(r.result.teacherCostPerDay).toBeCloseTo(777.6, 9);
    expect(r.result.studentCostPerDay).toBeCloseTo(155.52, 9);
    expect(r.result.savingPerDay).toBeCloseTo(622.08, 9);
    expect(r.result.breakEvenDays).toBeCloseTo(10.716735, 5); // 6,666.67 / 622.08
    expect(r.result.breakEvenRequests).toBeCloseTo(10.716735 * 864_000, -1);
  });

  it("should add the teacher's forward pass (2 × N_t × D) and extra costs", () => {
    const base = { studentParams: 1e9, trainingTokens: 1e9, mfu: 1, peakFlops: 1e15, pricePerChipHour: 3.6, requestsPerS: 1, promptTokens: 0, outputTokens: 1e6, teacher: { costPerMillionInputTokens: 0, costPerMillionOutputTokens: 2 }, student: { costPerMillionInputTokens: 0, costPerMillionOutputTokens: 1 } };
    const r = distillBreakEven({ ...base, teacherParams: 7e9, extraCost: 100 });
    // (6·1e9 + 2·7e9)·1e9 = 2e19 FLOP → 2e4 s → 5.5556 chip-h × $3.6 = $20 + $100
    expect(r.ok && r.result.trainingFlops).toBe(2e19);
    expect(r.ok && r.result.oneTimeCost).toBeCloseTo(120, 9);
    // saving: 86,400 × 1e6 × (2 − 1) / 1e6 = $86,400/day
    expect(r.ok && r.result.savingPerDay).toBe(86_400);
  });

  it("should break even at once with no training (quantization) and never when the student costs more", () => {
    const q = distillBreakEven({ studentParams: 8e9, trainingTokens: 0, mfu: 0.4, peakFlops: 1e15, pricePerChipHour: 2, requestsPerS: 1, promptTokens: 100, outputTokens: 100, teacher: { costPerMillionInputTokens: 1, costPerMillionOutputTokens: 1 }, student: { costPerMillionInputTokens: 0.5, costPerMillionOutputTokens: 0.5 } });
    expect(q.ok && q.result.breakEvenDays).toBe(0);
    const worse = distillBreakEven({ studentParams: 8e9, trainingTokens: 1e9, mfu: 0.4, peakFlops: 1e15, pricePerChipHour: 2, requestsPerS: 1, promptTokens: 100, outputTokens: 100, teacher: { costPerMillionInputTokens: 1, costPerMillionOutputTokens: 1 }, student: { costPerMillionInputTokens: 2, costPerMillionOutputTokens: 2 } });
    expect(worse.ok && worse.result.breakEvenDays).toBeNull();
    expect(worse.ok && worse.result.savingPerDay).toBeLessThan(0);
  });

  it("should name each bad field instead of computing NaN", () => {
    const r = distillBreakEven({ studentParams: NaN, trainingTokens: -1, mfu: 2, peakFlops: 0, pricePerChipHour: 1, requestsPerS: 0, promptTokens: 1, outputTokens: 1, teacher: { costPerMillionInputTokens: null, costPerMillionOutputTokens: 1 }, student: { costPerMillionInputTokens: 1, costPerMillionOutputTokens: 1 } });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(["studentParams", "trainingTokens", "mfu", "peakFlops", "requestsPerS", "teacher.costPerMillionInputTokens"]);
  });
});

describe("distillFor (teacher A, student B from their reports)", () => {
  const side = (hw: string, model: string) => {
    const scenario = resolveScenario({ model: { preset: model }, hardware: { preset: hw, chips: 1, pricePerHour: 1 } }).scenario;
    return { scenario, report: evaluate(scenario) };
  };
  it("should train on B's chip at its 16-bit peak: bf16 where listed, else fp16", () => {
    const a = side("h100-sxm", "llama-3.1-70b");
    const as = { trainingTokens: 1e10, mfu: 0.5, requestsPerS: 1, teacherForward: false };
    // V100 lists fp16 only (125 TFLOP/s): 6 · N · 1e10 FLOP / (125e12 · 0.5) / 3600 chip-hours
    const v = side("v100", "llama-3.1-8b");
    const out = distillFor(a, v, as);
    expect(out?.ok).toBe(true);
    if (!out?.ok) return;
    const N = v.report.params.total;
    expect(out.result.trainingFlops).toBe(6 * N * 1e10);
    expect(out.result.trainingChipHours).toBeCloseTo((6 * N * 1e10) / (125e12 * 0.5) / 3600, 6); // 2,141 h for 8.03B
    expect(out.result.oneTimeCost).toBeCloseTo(out.result.trainingChipHours, 6); // at $1 per chip-hour
    expect(distillFor(a, { report: null, scenario: v.scenario }, as)).toBeNull();
  });
});

describe("break-even against traffic", () => {
  // one-time cost $6,666.67; saving per request 1,000 × $0.4/M + 200 × $1.6/M = $0.00072 (the 10.72-day case above)
  const input = HAND;
  it("should give days ∝ 1 / rate, 4 rates a decade over rate / 1,000 … rate × 1,000", () => {
    const pts = breakEvenAgainstTraffic(input);
    expect(pts.length).toBe(25); // 10^-2 … 10^4 at quarter decades
    expect(pts[0]!.requestsPerS).toBe(0.01);
    expect(pts.at(-1)!.requestsPerS).toBe(10_000);
    const at10 = pts.find((p) => p.requestsPerS === 10)!;
    expect(at10.days).toBeCloseTo(10.716735, 5);
    const at1 = pts.find((p) => p.requestsPerS === 1)!;
    expect(at1.days).toBeCloseTo(107.16735, 4); // 10× less traffic, 10× longer
  });
  it("should stay within the traffic field's range (1e-4 … 1e7 requests/s)", () => {
    const pts = breakEvenAgainstTraffic({ ...input, requestsPerS: 1e6 });
    expect(pts[0]!.requestsPerS).toBe(1000);
    expect(pts.at(-1)!.requestsPerS).toBe(1e7);
  });
  it("should give null days everywhere when B costs more", () => {
    const pts = breakEvenAgainstTraffic({ ...input, teacher: input.student, student: input.teacher });
    expect(pts.every((p) => p.days === null)).toBe(true);
  });
  it("should find the traffic that pays back within a year: 10 req/s × 10.7167 days / 365 = 0.29361 req/s", () => {
    const r = distillBreakEven(input);
    if (!r.ok) throw new Error("bad input");
    expect(rateToBreakEvenWithin(r.result, 10, 365)).toBeCloseTo(0.2936092, 6);
    const back = distillBreakEven({ ...input, requestsPerS: rateToBreakEvenWithin(r.result, 10, 365)! });
    expect(back.ok && back.result.breakEvenDays).toBeCloseTo(365, 9);
  });
  it("should train a variant of A's own model on 0 tokens by default and a student on 20B; the user's figure wins", () => {
    const side = (model: string, weights?: "int4") => {
      const scenario = resolveScenario({ model: { preset: model }, ...(weights ? { precision: { weights } } : {}) }).scenario;
      return { scenario, report: evaluate(scenario) };
    };
    const a = side("llama-3.1-70b");
    expect(distillAssumptions({}, a, side("llama-3.1-70b", "int4")).trainingTokens).toBe(0);
    expect(distillAssumptions({}, a, side("llama-3.1-8b")).trainingTokens).toBe(2e10);
    expect(distillAssumptions({ trainingTokens: 5e9 }, a, side("llama-3.1-70b", "int4")).trainingTokens).toBe(5e9);
  });
});

describe("compareReports", () => {
  it("should give B − A and B / A, null where A is 0 or missing", () => {
    expect(difference(2, 3)).toBe(1);
    expect(ratio(2, 3)).toBe(1.5);
    expect(ratio(0, 3)).toBeNull();
    expect(difference(null, 3)).toBeNull();
  });

  it("should compare bf16 with int4 weights: weights 3.88× smaller (Llama-3.1-8B: 16,060,522,496 → 4,140,603,456 bytes)", () => {
    const a = evaluate(resolveScenario({ model: { preset: "llama-3.1-8b" } }).scenario);
    const b = evaluate(resolveScenario({ model: { preset: "llama-3.1-8b" }, precision: { weights: "int4" } }).scenario);
    const rows = Object.fromEntries(compareReports(a, b).map((r) => [r.id, r]));
    expect(rows.weights!.a).toBe(16_060_522_496); // 8,030,261,248 params × 2 B
    expect(rows.weights!.b).toBe(4_140_603_456); // × 4.125 bits (int4, group-128 scales) / 8
    expect(rows.weights!.ratio).toBeCloseTo(0.2578125, 12); // 4.125 / 16
    expect(rows.params!.ratio).toBe(1);
    expect(compareReports(null, b).every((r) => r.a === null && r.ratio === null)).toBe(true);
  });
});

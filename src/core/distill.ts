/**
 * Distillation (and quantization / pruning) break-even: a one-time training cost against a daily
 * serving saving. Teacher = scenario A, student = scenario B; both cost figures come from the
 * reports of the same core, so the saving is exactly the difference the page shows.
 *
 * Training FLOPs follow the usual dense-transformer rule (Kaplan et al. 2020; Hoffmann et al.
 * 2022): about 6 × parameters × training tokens (2 forward + 4 backward per parameter per token).
 * Distillation also runs the teacher forward over the same tokens (2 × teacher parameters ×
 * tokens) unless its outputs are already stored; `teacherParams` adds that term when given.
 *
 * Units: FLOP, FLOP/s, seconds, chip-hours, USD, requests/s, tokens. Pure and deterministic.
 */

import type { Report, Scenario } from "./types";

export const SECONDS_PER_DAY = 86_400;

/** Training FLOPs of a dense model: 6 × N × D (FLOP; N parameters, D tokens). 8e9 × 1e10 → 4.8e20. */
export function trainingFlops(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/** Chip-hours to run `flops` at `mfu` of `peakFlops` per chip: flops / (peak × mfu) / 3600 (chip-h). */
export function trainingChipHours(flops: number, peakFlops: number, mfu: number): number {
  return flops / (peakFlops * mfu) / 3600;
}

/**
 * Serving cost per day (USD/day): requests/s × 86,400 × (prompt × $/M input + output × $/M output) / 1e6.
 * 1 req/s, 1,000 in at $1/M, 100 out at $10/M → 86,400 × (0.001 + 0.001) = $172.80/day.
 */
export function servingCostPerDay(
  requestsPerS: number,
  promptTokens: number,
  outputTokens: number,
  costPerMillionInput: number,
  costPerMillionOutput: number,
): number {
  return (requestsPerS * SECONDS_PER_DAY * (promptTokens * costPerMillionInput + outputTokens * costPerMillionOutput)) / 1e6;
}

/** Days until a one-time cost is paid back: cost / saving per day (days); null when nothing is saved. */
export function breakEvenDays(oneTimeCost: number, savingPerDay: number): number | null {
  if (!(savingPerDay > 0)) return null;
  return oneTimeCost / savingPerDay;
}

/** Serving price of one scenario in USD per million tokens (from its report's `total`). */
export interface ServingPrice {
  costPerMillionInputTokens: number | null;
  costPerMillionOutputTokens: number | null;
}

export interface DistillInput {
  /** Student parameters (N). */
  studentParams: number;
  /** Teacher parameters: adds its forward pass (2 × N_teacher × D) when given and > 0. */
  teacherParams?: number;
  /** Training tokens (D); 0 for a change with no training (quantization, pruning without retraining). */
  trainingTokens: number;
  /** Model FLOPs utilisation reached in training (0–1]. */
  mfu: number;
  /** Peak dense FLOP/s of one training chip. */
  peakFlops: number;
  /** USD per training chip-hour. */
  pricePerChipHour: number;
  /** Any other one-time cost (USD): data, evaluation, engineering. */
  extraCost?: number;
  /** Traffic: requests per second, and tokens per request. */
  requestsPerS: number;
  promptTokens: number;
  outputTokens: number;
  teacher: ServingPrice;
  student: ServingPrice;
}

export interface DistillResult {
  trainingFlops: number;
  trainingChipHours: number;
  /** Training chip-hours × price + extra cost (USD). */
  oneTimeCost: number;
  teacherCostPerDay: number;
  studentCostPerDay: number;
  /** teacher − student (USD/day); negative when the student costs more to serve. */
  savingPerDay: number;
  /** Days to pay back the one-time cost; null when the student saves nothing. */
  breakEvenDays: number | null;
  /** Requests served before break-even; null when never. */
  breakEvenRequests: number | null;
}

export type DistillOutcome = { ok: true; result: DistillResult } | { ok: false; issues: { path: string; message: string }[] };

const isFiniteNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Checks every field (naming it) before any arithmetic, so no NaN or Infinity can come out. */
function check(input: DistillInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const need = (path: string, v: unknown, ok: (n: number) => boolean, rule: string) => {
    if (!isFiniteNum(v) || !ok(v)) issues.push({ path, message: `must be ${rule}` });
  };
  need("studentParams", input.studentParams, (n) => n > 0 && n <= 1e14, "a number of parameters above 0");
  if (input.teacherParams !== undefined) need("teacherParams", input.teacherParams, (n) => n >= 0 && n <= 1e14, "0 or more parameters");
  need("trainingTokens", input.trainingTokens, (n) => n >= 0 && n <= 1e16, "a token count from 0 to 1e16");
  need("mfu", input.mfu, (n) => n > 0 && n <= 1, "a fraction above 0 and at most 1");
  need("peakFlops", input.peakFlops, (n) => n > 0 && n <= 1e18, "a FLOP/s figure above 0");
  need("pricePerChipHour", input.pricePerChipHour, (n) => n >= 0 && n <= 1e6, "a price from 0 to 1e6 USD per chip-hour");
  if (input.extraCost !== undefined) need("extraCost", input.extraCost, (n) => n >= 0 && n <= 1e12, "a cost from 0 to 1e12 USD");
  need("requestsPerS", input.requestsPerS, (n) => n > 0 && n <= 1e9, "a rate above 0 requests/s");
  need("promptTokens", input.promptTokens, (n) => n >= 0 && n <= 1e9, "a token count of 0 or more");
  need("outputTokens", input.outputTokens, (n) => n >= 0 && n <= 1e9, "a token count of 0 or more");
  for (const who of ["teacher", "student"] as const) {
    const p = input[who];
    for (const k of ["costPerMillionInputTokens", "costPerMillionOutputTokens"] as const) {
      const v = p?.[k];
      if (v === null || v === undefined) issues.push({ path: `${who}.${k}`, message: "has no price: set a price per chip-hour on that scenario's hardware" });
      else need(`${who}.${k}`, v, (n) => n >= 0, "a cost of 0 USD or more");
    }
  }
  return issues;
}

/**
 * The break-even of replacing the teacher (A) by the student (B): one-time cost =
 * (6·N_s + 2·N_t)·D / (peak × MFU) / 3600 × $/chip-h + extra; saving/day = teacher − student
 * serving cost per day; break-even = one-time cost / saving (days). Never throws; bad input → issues.
 */
export function distillBreakEven(input: DistillInput): DistillOutcome {
  const issues = check(input);
  if (issues.length > 0) return { ok: false, issues };
  const flops = trainingFlops(input.studentParams, input.trainingTokens) + 2 * (input.teacherParams ?? 0) * input.trainingTokens;
  const chipHours = trainingChipHours(flops, input.peakFlops, input.mfu);
  const oneTimeCost = chipHours * input.pricePerChipHour + (input.extraCost ?? 0);
  const price = (p: ServingPrice) =>
    servingCostPerDay(input.requestsPerS, input.promptTokens, input.outputTokens, p.costPerMillionInputTokens ?? 0, p.costPerMillionOutputTokens ?? 0);
  const teacherCostPerDay = price(input.teacher);
  const studentCostPerDay = price(input.student);
  const savingPerDay = teacherCostPerDay - studentCostPerDay;
  const days = breakEvenDays(oneTimeCost, savingPerDay);
  return {
    ok: true,
    result: {
      trainingFlops: flops,
      trainingChipHours: chipHours,
      oneTimeCost,
      teacherCostPerDay,
      studentCostPerDay,
      savingPerDay,
      breakEvenDays: days,
      breakEvenRequests: days === null ? null : days * SECONDS_PER_DAY * input.requestsPerS,
    },
  };
}

/** The user's assumptions for the break-even (everything else comes from A's and B's reports). */
export interface DistillAssumptions {
  /** Training tokens for the student (0 = no training: quantization or pruning as-is). */
  trainingTokens: number;
  /** MFU reached in training (0–1]. */
  mfu: number;
  /** Requests per second served. */
  requestsPerS: number;
  /** Count the teacher's forward pass over the training tokens (logit distillation). */
  teacherForward: boolean;
}

export const DEFAULT_DISTILL: DistillAssumptions = { trainingTokens: 2e10, mfu: 0.4, requestsPerS: 10, teacherForward: true };

/** What the page and the share link accept for each numeric assumption (the same words in both). */
export const DISTILL_RANGES = {
  trainingTokens: { label: "Break-even training tokens", min: 0, max: 1e15, unit: "tokens" },
  mfu: { label: "Break-even training MFU", min: 0.01, max: 1, unit: "(fraction of peak)" },
  requestsPerS: { label: "Break-even traffic", min: 1e-4, max: 1e7, unit: "requests/s" },
} as const;

type Side = { report: Report | null; scenario: Scenario | null } | null;

/**
 * The assumptions in force: the user's choices over the defaults. A variant of A's own model (the
 * same parameter count: quantized or pruned) trains on 0 tokens until the user sets some (a
 * calibration pass at most); a student takes the default training budget.
 */
export function distillAssumptions(chosen: Partial<DistillAssumptions>, a: Side, b: Side): DistillAssumptions {
  const variant = !!a?.report && !!b?.report && a.report.params.total === b.report.params.total;
  return { ...DEFAULT_DISTILL, trainingTokens: variant ? 0 : DEFAULT_DISTILL.trainingTokens, ...chosen };
}

/**
 * Teacher = A, student = B. Training runs on B's accelerator type at its bf16 peak (fp16 where the
 * chip has no bf16 figure; training runs in 16-bit) and price per chip-hour; traffic uses B's
 * prompt and output lengths. Null until both reports exist.
 */
export function distillInputFor(a: Side, b: Side, as: DistillAssumptions): DistillInput | null {
  if (!a?.report || !b?.report || !b.scenario) return null;
  const hw = b.scenario.hardware;
  return {
    studentParams: b.report.params.total,
    teacherParams: as.teacherForward ? a.report.params.total : 0,
    trainingTokens: as.trainingTokens,
    mfu: as.mfu,
    peakFlops: hw.peakFlops.bf16 ?? hw.peakFlops.fp16 ?? 0,
    pricePerChipHour: hw.pricePerHour ?? NaN,
    requestsPerS: as.requestsPerS,
    promptTokens: b.scenario.workload.promptTokens,
    outputTokens: b.scenario.workload.outputTokens,
    teacher: a.report.total,
    student: b.report.total,
  };
}

/** The break-even of B replacing A under the user's assumptions; null until both reports exist. */
export function distillFor(a: Side, b: Side, as: DistillAssumptions): DistillOutcome | null {
  const input = distillInputFor(a, b, as);
  return input && distillBreakEven(input);
}

export interface BreakEvenPoint {
  requestsPerS: number;
  /** Days to break even at this traffic; null when B saves nothing. */
  days: number | null;
}

/**
 * Break-even days against traffic: distillBreakEven at each rate (requests/s → days). The saving
 * per day is linear in the rate, so days ∝ 1 / rate: a straight line of slope −1 on log–log axes.
 * Rates: 4 per decade over [rate / 1,000, rate × 1,000] within the traffic field's range.
 */
export function breakEvenAgainstTraffic(input: DistillInput): BreakEvenPoint[] {
  const { min, max } = DISTILL_RANGES.requestsPerS;
  const lo = Math.max(min, input.requestsPerS / 1e3);
  const hi = Math.min(max, input.requestsPerS * 1e3);
  const points: BreakEvenPoint[] = [];
  for (let e = Math.ceil(Math.log10(lo) * 4); e <= Math.floor(Math.log10(hi) * 4); e++) {
    const requestsPerS = Number((10 ** (e / 4)).toPrecision(6));
    const out = distillBreakEven({ ...input, requestsPerS });
    points.push({ requestsPerS, days: out.ok ? out.result.breakEvenDays : null });
  }
  return points;
}

/**
 * The traffic at which B pays back in `days`: rate × (break-even days at that rate) / days
 * (requests/s), since days ∝ 1 / rate. Null when B saves nothing; 0 when there is nothing to pay back.
 */
export function rateToBreakEvenWithin(result: DistillResult, requestsPerS: number, days: number): number | null {
  if (result.breakEvenDays === null) return null;
  return (requestsPerS * result.breakEvenDays) / days;
}

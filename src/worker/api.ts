/**
 * What the worker (and the in-thread fallback) runs: resolve the input, evaluate it, and sweep
 * the context length for the breakdown chart. Only composes core calls; every number comes from
 * the core.
 */
import {
  attentionFigures,
  evaluate,
  explain,
  frontier,
  logSpace,
  MODEL_PRESETS,
  resolveScenario,
  rooflinePoints,
  sweep,
  type Report,
  type Scenario,
  type ScenarioInput,
} from "../core";
import { analysePinned } from "./pinned";
import type { Analysis, BatchMemoryPoint, Headline, ContextPoint, ContextSweep, CostApi, FeasibleSeries, FrontierAnswer, Insights } from "./protocol";

/** Points per chart series (Recharts stays fast well below ~60). */
export const SWEEP_POINTS = 40;
const DEFAULT_MAX_CONTEXT = 131072;
const SWEEP_CAP = 16_777_216;

/**
 * Log-spaced integer context lengths covering the current prompt and the model's context window:
 * from min(64, prompt) to max(maxContext, 2 × prompt + output), at most `n` distinct values.
 */
export function contextGrid(promptTokens: number, outputTokens: number, maxContext: number, n = SWEEP_POINTS): number[] {
  const p = Number.isFinite(promptTokens) && promptTokens >= 1 ? promptTokens : 1;
  const o = Number.isFinite(outputTokens) && outputTokens >= 0 ? outputTokens : 0;
  const lo = Math.max(1, Math.min(64, p));
  const hi = Math.min(SWEEP_CAP, Math.max(lo * 2, maxContext, 2 * p + o));
  return logSpace(lo, hi, n);
}

/** Cache of the last sweep: the chart sweep does not depend on the prompt or output length. */
let lastSweepKey = "";
let lastPoints: ContextPoint[] = [];

function sweepKey(s: Scenario, grid: number[]): string {
  const { workload, ...rest } = s;
  return JSON.stringify([rest, workload.batch, workload.prefillBatch, grid[0], grid[grid.length - 1]]);
}

function contextSweep(s: Scenario, maxContextTokens: number): ContextSweep {
  const preset = s.model.preset ? MODEL_PRESETS.find((p) => p.id === s.model.preset) : undefined;
  const maxContext = preset?.maxContext ?? DEFAULT_MAX_CONTEXT;
  const { promptTokens, outputTokens } = s.workload;
  const grid = contextGrid(promptTokens, outputTokens, maxContext);
  const key = sweepKey(s, grid);
  if (key !== lastSweepKey) {
    // One output token: each point is a prefill of `context` tokens and one decode step at it.
    const one = { ...s, workload: { ...s.workload, outputTokens: 1 } };
    lastPoints = sweep(one, "promptTokens", grid).map(({ x: context, report: r }) => {
      const a = attentionFigures({ ...one, workload: { ...one.workload, promptTokens: context } }, r);
      return {
        attention: {
          prefillAttentionFlops: a.prefillAttentionFlops,
          prefillOtherFlops: a.prefillOtherFlops,
          decodeAttentionFlops: a.decodeAttentionFlops,
          decodeOtherFlops: a.decodeOtherFlops,
          decodeKvBytes: r.memory.kvCacheBytes,
          decodeWeightBytes: r.memory.weightsBytes,
          scoreMatrixTrafficBytes: a.scoreMatrixTrafficBytes,
        },
        memory: r.memory.perChip,
        context,
        prefill: r.prefill.breakdown,
        prefillS: r.prefill.timeS,
        decode: r.decode.breakdown,
        decodeStepS: r.decode.timePerTokenS,
        fits: r.memory.fits,
      };
    });
    lastSweepKey = key;
  }
  return {
    points: lastPoints,
    promptTokens,
    meanDecodeContext: promptTokens + (outputTokens + 1) / 2,
    maxContextTokens,
  };
}

/** Batch sizes of the capacity chart (sequences). */
const BATCH_GRID = logSpace(1, 4096, 25);

let lastBatchKey = "";
let lastByBatch: BatchMemoryPoint[] = [];

/** Memory per chip against batch at the scenario's context (cached: the batch itself does not matter). */
function batchMemory(s: Scenario): BatchMemoryPoint[] {
  const { workload, ...rest } = s;
  const key = JSON.stringify([rest, workload.promptTokens, workload.outputTokens]);
  if (key !== lastBatchKey) {
    lastByBatch = sweep(s, "batch", BATCH_GRID).map(({ x, report: r }) => ({ batch: x, memory: r.memory.perChip, fits: r.memory.fits }));
    lastBatchKey = key;
  }
  return lastByBatch;
}

let lastFeasibleKey = "";
let lastFeasible: FeasibleSeries[] = [];

/** Largest batch that fits against context for 1, 2, 4 … chips (up to max(8, chips)); cached by everything but the workload and chips. */
function feasibleRegion(s: Scenario, grid: number[]): FeasibleSeries[] {
  const { workload: _w, hardware, ...rest } = s;
  const { chips, ...hw } = hardware;
  const top = Math.min(1024, Math.max(8, chips));
  const counts: number[] = [];
  for (let c = 1; c <= top; c *= 2) counts.push(c);
  if (counts[counts.length - 1] !== top) counts.push(top);
  const key = JSON.stringify([rest, hw, counts, grid[0], grid[grid.length - 1]]);
  if (key !== lastFeasibleKey) {
    const coarse = grid.filter((_, i) => i % 2 === 0 || i === grid.length - 1);
    lastFeasible = counts.map((c) => {
      const sc = { ...s, hardware: { ...s.hardware, chips: c }, workload: { ...s.workload, outputTokens: 1 } };
      return { chips: c, points: sweep(sc, "promptTokens", coarse).map(({ x, report: r }) => ({ context: x, maxBatch: r.memory.maxBatch })) };
    });
    lastFeasibleKey = key;
  }
  return lastFeasible;
}

function insightsFor(s: Scenario, report: Report, sweep: ContextSweep | null): Insights | null {
  try {
    return {
      roofline: rooflinePoints(s, report),
      attention: attentionFigures(s, report),
      terms: explain(s, report),
      byBatch: batchMemory(s),
      feasible: sweep ? feasibleRegion(s, sweep.points.map((p) => p.context)) : [],
    };
  } catch {
    return null; // the headline numbers still stand without the teaching charts
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function analyse(input: ScenarioInput): Analysis {
  let scenario: Scenario;
  let issues: Analysis["issues"];
  try {
    ({ scenario, issues } = resolveScenario(input));
  } catch (e) {
    return { scenario: null, issues: [], report: null, sweep: null, error: `Could not read the scenario: ${message(e)}` };
  }
  try {
    const report = evaluate(scenario);
    let sweep: ContextSweep | null = null;
    try {
      sweep = contextSweep(scenario, report.memory.maxContextTokens);
    } catch {
      sweep = null; // the headline numbers still stand without the chart
    }
    return { scenario, issues, report, sweep, error: null, insights: insightsFor(scenario, report, sweep) };
  } catch (e) {
    return { scenario, issues, report: null, sweep: null, error: `Could not evaluate this scenario: ${message(e)}` };
  }
}

/** Most inputs one `reports` call evaluates (a slider's window is far smaller). */
export const MAX_REPORTS = 256;

/** Reports and roofline points for inputs a control may move to next: the page keeps them to show in the input's own frame. */
export function reports(inputs: ScenarioInput[]): (Headline | null)[] {
  return inputs.slice(0, MAX_REPORTS).map((input) => {
    try {
      const { scenario } = resolveScenario(input);
      const report = evaluate(scenario);
      return { report, roofline: rooflinePoints(scenario, report), batch: scenario.workload.batch };
    } catch {
      return null;
    }
  });
}

let lastFrontierKey = "";
let lastFrontier: FrontierAnswer | null = null;

/** The latency–cost frontier for an input (cached: batch, chips and weight precision are its axes). */
export function frontierFor(input: ScenarioInput): FrontierAnswer | null {
  try {
    const { scenario: s } = resolveScenario(input);
    const { workload, hardware, precision, ...rest } = s;
    const key = JSON.stringify([rest, workload.promptTokens, workload.outputTokens, { ...hardware, chips: Math.max(64, hardware.chips) }, precision]);
    if (key !== lastFrontierKey || !lastFrontier) {
      const t0 = performance.now();
      const points = frontier(s);
      lastFrontier = { points, ms: performance.now() - t0 };
      lastFrontierKey = key;
    }
    return lastFrontier;
  } catch {
    return null;
  }
}

/** Benchmark hook (npm run bench:ui): ms to sweep `n` prompt lengths of an input in this thread. */
export function sweepTiming(input: ScenarioInput, n: number): number {
  const { scenario } = resolveScenario(input);
  const xs = logSpace(1, 131072, Math.max(2, Math.min(100_000, Math.round(n))));
  const t0 = performance.now();
  sweep(scenario, "promptTokens", xs);
  return performance.now() - t0;
}

export const costApi: CostApi = { analysePinned, analyse, reports, frontier: frontierFor, sweepTiming };

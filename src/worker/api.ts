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
  resolveScenario,
  rooflinePoints,
  sweep,
  type Report,
  type Scenario,
  type ScenarioInput,
} from "../core";
import { batchMemoryPoints, contextPoints, contextSweepOf, feasibleChipCounts, feasibleRegion, scenarioContextGrid } from "../core/curves";
import type { BatchMemoryPoint, ContextPoint, ContextSweep, FeasibleSeries } from "../core/curves";
import { analysePinned } from "./pinned";
import type { Analysis, Headline, CostApi, FrontierAnswer, Insights } from "./protocol";

export { contextGrid, SWEEP_POINTS } from "../core/curves";

/** Cache of the last sweep: the chart sweep does not depend on the prompt or output length. */
let lastSweepKey = "";
let lastPoints: ContextPoint[] = [];

function sweepKey(s: Scenario, grid: number[]): string {
  const { workload, ...rest } = s;
  return JSON.stringify([rest, workload.batch, workload.prefillBatch, grid[0], grid[grid.length - 1]]);
}

function contextSweep(s: Scenario, maxContextTokens: number): ContextSweep {
  const grid = scenarioContextGrid(s);
  const key = sweepKey(s, grid);
  if (key !== lastSweepKey) {
    lastPoints = contextPoints(s, grid);
    lastSweepKey = key;
  }
  return contextSweepOf(s, lastPoints, maxContextTokens);
}

let lastBatchKey = "";
let lastByBatch: BatchMemoryPoint[] = [];

/** Memory per chip against batch at the scenario's context (cached: the batch itself does not matter). */
function batchMemory(s: Scenario): BatchMemoryPoint[] {
  const { workload, ...rest } = s;
  const key = JSON.stringify([rest, workload.promptTokens, workload.outputTokens]);
  if (key !== lastBatchKey) {
    lastByBatch = batchMemoryPoints(s);
    lastBatchKey = key;
  }
  return lastByBatch;
}

let lastFeasibleKey = "";
let lastFeasible: FeasibleSeries[] = [];

/** The feasible region (core/curves.ts), cached by everything but the workload and chips. */
function feasible(s: Scenario, grid: number[]): FeasibleSeries[] {
  const { workload: _w, hardware, ...rest } = s;
  const { chips: _c, ...hw } = hardware;
  const key = JSON.stringify([rest, hw, feasibleChipCounts(hardware.chips), grid[0], grid[grid.length - 1]]);
  if (key !== lastFeasibleKey) {
    lastFeasible = feasibleRegion(s, grid);
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
      feasible: sweep ? feasible(s, sweep.points.map((p) => p.context)) : [],
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
      return { report, roofline: rooflinePoints(scenario, report), batch: scenario.workload.batch, chips: scenario.hardware.chips, weights: scenario.precision.weights };
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

/**
 * What the worker (and the in-thread fallback) runs: resolve the input, evaluate it, and sweep
 * the context length for the breakdown chart. Only composes core calls; every number comes from
 * the core.
 */
import { evaluate, logSpace, MODEL_PRESETS, resolveScenario, sweep, type Scenario, type ScenarioInput } from "../core";
import { analysePinned } from "./pinned";
import type { Analysis, ContextPoint, ContextSweep, CostApi } from "./protocol";

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
      return {
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
    return { scenario, issues, report, sweep, error: null };
  } catch (e) {
    return { scenario, issues, report: null, sweep: null, error: `Could not evaluate this scenario: ${message(e)}` };
  }
}

export const costApi: CostApi = { analysePinned, analyse };

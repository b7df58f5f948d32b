/**
 * The published reference cases and our own H200 runs against the model, for the accuracy view.
 * Runs in its own worker (accuracy.worker.ts): the serving cases simulate up to 20,000 requests
 * each, seconds of work that must never hold the page's main thread.
 */
import { nearestReference, resolveScenario, runReference, type ReferenceCase, type Scenario } from "../core";
import file from "../../validation/public_cases.json";
// the slim copy of own_h200_cases.json (validation/own-h200-view.ts): only what the view shows
import ownFile from "../../validation/own_h200_view.json";
import type { OwnView } from "../../validation/own-h200-view";

export interface AccuracyRow {
  id: string;
  source: string;
  quantity: string;
  group: "analytic" | "measured" | "stress";
  unit: string;
  published: number | boolean;
  predicted: number | boolean | null;
  errorPct: number | null;
  tolerancePct: number;
  pass: boolean;
  /** Why the case could not be evaluated, when it could not. */
  error?: string;
  /** Own runs: whether the run set a constant (calibration) or nothing was set from it (held out). */
  role?: "calibration" | "held-out";
}

/** Our own measurements as a set of their own: the card and software they ran on, and the rows. */
export interface OwnRuns {
  device: string;
  software: string;
  measuredOn: string;
  rows: AccuracyRow[];
}

export interface Nearest {
  row: AccuracyRow;
  distance: number;
  sameFamily: boolean;
  sameChip: boolean;
  /** Same family or chip and near in size, bandwidth, batch and chips (core/reference.ts CLOSE_DISTANCE). */
  close: boolean;
}

export interface AccuracyApi {
  rows(): AccuracyRow[];
  /** Our own H200 runs replayed from CUDA graphs (the ones judged in realistic mode). */
  ownRuns(): OwnRuns;
  /** Null: no measured figure shares this scenario's model family or chip. */
  nearest(scenario: Scenario): Nearest | null;
}

const cases = (file as unknown as { cases: ReferenceCase[] }).cases;
const own = ownFile as unknown as OwnView;
// one source for all of them (shown once, with the card); the quantity names its model
const ownCases: ReferenceCase[] = own.cases.map((c) => ({
  ...c,
  quantity: `${resolveScenario(c.scenario).scenario.model.name}: ${c.quantity}`,
  source: own.source,
  kind: "measured",
  tags: ["own-h200", "cuda-graph", ...(c.role === "calibration" ? ["calibration"] : [])],
}));
const roles = new Map(own.cases.map((c) => [c.id, c.role]));
const byId = new Map<string, AccuracyRow>();

/** One case against the model (evaluated once; cases are immutable data). */
function rowOf(c: ReferenceCase): AccuracyRow {
  let row = byId.get(c.id);
  if (row) return row;
  const role = roles.get(c.id);
  const base = { id: c.id, source: c.source, quantity: c.quantity, unit: c.unit, published: c.expected, tolerancePct: c.tolerance_pct, ...(role ? { role } : {}) };
  try {
    const r = runReference(c);
    row = { ...base, group: r.group, predicted: r.value, errorPct: r.errorPct, pass: r.pass };
  } catch (e) {
    const group = c.tags.includes("stress") ? "stress" : c.kind;
    row = { ...base, group, predicted: null, errorPct: null, pass: false, error: e instanceof Error ? e.message : String(e) };
  }
  byId.set(c.id, row);
  return row;
}

export const accuracyApi: AccuracyApi = {
  rows: () => cases.map(rowOf),
  ownRuns: () => {
    const e = own.environment;
    return { device: e.device, software: `PyTorch ${e.torch}, CUDA ${e.cudaRuntime}, driver ${e.driver}`, measuredOn: e.measuredOn, rows: ownCases.map(rowOf) };
  },
  nearest(scenario) {
    const n = nearestReference(scenario, cases);
    return n ? { row: rowOf(n.case), distance: n.distance, sameFamily: n.sameFamily, sameChip: n.sameChip, close: n.close } : null;
  },
};

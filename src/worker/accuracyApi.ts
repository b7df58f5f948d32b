/**
 * The published reference cases against the model, for the accuracy view. Runs in its own worker
 * (accuracy.worker.ts): the serving cases simulate up to 20,000 requests each, seconds of work
 * that must never hold the page's main thread.
 */
import { nearestReference, runReference, type ReferenceCase, type Scenario } from "../core";
import file from "../../validation/public_cases.json";

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
  /** Null: no measured figure shares this scenario's model family or chip. */
  nearest(scenario: Scenario): Nearest | null;
}

const cases = (file as unknown as { cases: ReferenceCase[] }).cases;
const byId = new Map<string, AccuracyRow>();

/** One case against the model (evaluated once; cases are immutable data). */
function rowOf(c: ReferenceCase): AccuracyRow {
  let row = byId.get(c.id);
  if (row) return row;
  const base = { id: c.id, source: c.source, quantity: c.quantity, unit: c.unit, published: c.expected, tolerancePct: c.tolerance_pct };
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
  nearest(scenario) {
    const n = nearestReference(scenario, cases);
    return n ? { row: rowOf(n.case), distance: n.distance, sameFamily: n.sameFamily, sameChip: n.sameChip, close: n.close } : null;
  },
};

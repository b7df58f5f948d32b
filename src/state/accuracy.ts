/**
 * The published reference cases against the model, for the accuracy view. Loaded on demand in
 * its own chunk (the case file and the core), so the first numbers never wait for it; 89 cases
 * evaluate in a few milliseconds.
 */
import type { ReferenceCase, Scenario } from "../core";

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
}

export interface AccuracyData {
  rows: AccuracyRow[];
  nearest(scenario: Scenario): { row: AccuracyRow; distance: number } | null;
}

let loading: Promise<AccuracyData> | null = null;

async function build(): Promise<AccuracyData> {
  const [{ runReference, nearestReference }, file] = await Promise.all([import("../core"), import("../../validation/public_cases.json")]);
  const cases = (file.default as unknown as { cases: ReferenceCase[] }).cases;
  const rows: AccuracyRow[] = cases.map((c) => {
    const base = { id: c.id, source: c.source, quantity: c.quantity, unit: c.unit, published: c.expected, tolerancePct: c.tolerance_pct };
    try {
      const r = runReference(c);
      return { ...base, group: r.group, predicted: r.value, errorPct: r.errorPct, pass: r.pass };
    } catch {
      return { ...base, group: c.tags.includes("stress") ? "stress" : c.kind, predicted: null, errorPct: null, pass: false };
    }
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows,
    nearest(scenario) {
      const n = nearestReference(scenario, cases);
      const row = n && byId.get(n.case.id);
      return row ? { row, distance: n.distance } : null;
    },
  };
}

/** The reference rows and a nearest-case finder (loaded once). */
export function loadAccuracy(): Promise<AccuracyData> {
  loading ??= build();
  return loading;
}

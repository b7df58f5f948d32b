/**
 * Runs the published validation cases (validation/public_cases.json, copied from the project's
 * shared reference set) through the core exactly as the file's "format" says: evaluate the
 * scenario, read the dotted field, apply the transform, compare with the tolerance.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateInput, type Report } from "../src/core";

export interface Case {
  id: string;
  source: string;
  kind: "analytic" | "measured";
  tags: string[];
  quantity: string;
  scenario: Record<string, unknown>;
  field: string;
  transform?: { name: string; factor?: number; chips?: number; fields?: string[] };
  batch_from_report?: string;
  expected: number | boolean;
  unit: string;
  tolerance_pct: number;
  notes: string;
}

export interface CaseResult {
  c: Case;
  value: number | boolean;
  errorPct: number;
  pass: boolean;
  group: "analytic" | "measured" | "stress";
}

export function loadCases(): Case[] {
  const file = fileURLToPath(new URL("./public_cases.json", import.meta.url));
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] }).cases;
}

function read(r: Report, path: string): number | boolean {
  let v: unknown = r;
  for (const k of path.split(".")) v = (v as Record<string, unknown>)[k];
  if (typeof v !== "number" && typeof v !== "boolean") throw new Error(`report has no number at ${path}`);
  return v;
}

export function runCase(c: Case): CaseResult {
  const first = evaluateInput(c.scenario);
  const issues = first.issues;
  let report = first.report;
  if (issues.length) throw new Error(`${c.id}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  if (c.batch_from_report) {
    const b = read(report, c.batch_from_report) as number;
    const sc = structuredClone(c.scenario) as { workload: Record<string, unknown> };
    sc.workload = { ...sc.workload, batch: Math.max(1, b) };
    ({ report } = evaluateInput(sc));
  }
  let value = read(report, c.field);
  if (typeof value === "number" && c.transform) {
    const t = c.transform;
    if (t.name === "reciprocal") value = 1 / value;
    else if (t.name === "per_chip") value = value / (t.chips ?? 1);
    else if (t.name === "scale") value = value * (t.factor ?? 1);
    else if (t.name === "add_fields") for (const f of t.fields ?? []) value += read(report, f) as number;
  }
  const group = c.tags.includes("stress") ? "stress" : c.kind;
  if (typeof c.expected === "boolean") return { c, value, errorPct: value === c.expected ? 0 : 100, pass: value === c.expected, group };
  const errorPct = ((value as number) - c.expected) / Math.abs(c.expected) * 100;
  return { c, value, errorPct, pass: Math.abs(errorPct) <= c.tolerance_pct, group };
}

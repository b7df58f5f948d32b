/**
 * Loads the validation cases (validation/*.json, copied into the project with their sources) and
 * runs them with the core's generic runner; one way to register a case as a test, and one way to
 * summarise a set, for every file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { runReference, type ReferenceCase, type ReferenceResult } from "../src/core";
import { KNOWN_MISSES } from "./known-misses";

export type Case = ReferenceCase & { notes: string; calibrates?: string };
export type CaseResult = ReferenceResult & { c: Case };

export function loadCases(name = "public_cases.json"): Case[] {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] }).cases;
}

export function runCase(c: Case): CaseResult {
  return { ...runReference(c), c };
}

/** Every case's result, computed once up front: no test depends on another having run first. */
export function runAll(cases: Case[]): (c: Case) => CaseResult {
  const results = new Map<string, CaseResult | Error>();
  for (const c of cases) {
    try {
      results.set(c.id, runCase(c));
    } catch (e) {
      results.set(c.id, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return (c) => {
    const r = results.get(c.id)!;
    if (r instanceof Error) throw r;
    return r;
  };
}

/**
 * One test per case: inside its band (|error| ≤ tolerance, or the same boolean), or an expected
 * failure naming its reason that turns red the day the case starts passing.
 */
export function caseTests(cases: Case[], resultOf: (c: Case) => CaseResult) {
  const expectInside = (c: Case) => {
    const r = resultOf(c);
    const v = typeof r.value === "number" ? r.value.toPrecision(5) : String(r.value);
    if (typeof c.expected === "boolean") expect(r.value).toBe(c.expected);
    else expect(Math.abs(r.errorPct), `${c.id}: ${v} vs ${c.expected}`).toBeLessThanOrEqual(c.tolerance_pct);
  };
  for (const c of cases) {
    const reason = KNOWN_MISSES[c.id];
    const role = c.tags.includes("calibration") ? "calibration" : "held-out";
    if (reason) it.fails(`${c.kind} ${role} ${c.id} (expected miss: ${reason})`, () => expectInside(c));
    else it(`${c.kind} ${role} ${c.id}`, () => expectInside(c));
  }
}

export interface Tally {
  pass: number;
  n: number;
  medianAbsErrorPct: number;
}

export function tally(rs: CaseResult[]): Tally {
  const abs = rs.map((r) => Math.abs(r.errorPct)).sort((a, b) => a - b);
  return { pass: rs.filter((r) => r.pass).length, n: rs.length, medianAbsErrorPct: abs[Math.floor(abs.length / 2)] ?? NaN };
}

export const formatTally = (t: Tally) => `${t.pass}/${t.n} inside (median |error| ${t.medianAbsErrorPct.toFixed(1)} %)`;

/** The calibration cases (tag "calibration": they set a constant) and the rest, held out. */
export function split(rs: CaseResult[]): { calibration: CaseResult[]; heldOut: CaseResult[] } {
  return { calibration: rs.filter((r) => r.c.tags.includes("calibration")), heldOut: rs.filter((r) => !r.c.tags.includes("calibration")) };
}

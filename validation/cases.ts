/**
 * Loads the published validation cases (validation/public_cases.json, copied from the project's
 * shared reference set) and runs them with the core's generic runner.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runReference, type ReferenceCase, type ReferenceResult } from "../src/core";

export type Case = ReferenceCase & { notes: string };
export type CaseResult = ReferenceResult & { c: Case };

export function loadCases(): Case[] {
  const file = fileURLToPath(new URL("./public_cases.json", import.meta.url));
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] }).cases;
}

export function runCase(c: Case): CaseResult {
  return { ...runReference(c), c };
}

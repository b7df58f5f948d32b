/**
 * Validating an input block with zod strict objects, and turning zod's issues into FieldIssues
 * that name the field by its dotted contract path ("workload.batch") and say what is wrong in
 * words ("must be a whole number from 1 to 1,000,000 (got -1)", "unknown field; did you mean
 * \"batch\"?"). Shared by the scenario (scenario.ts) and its serving block (serving/input.ts).
 *
 * Strict objects mean an unknown or misspelt key is an error naming it, never silently ignored;
 * zod checks own keys only, so "constructor" or "__proto__" is just another unknown key.
 */
import * as z from "zod/mini";
import { inRange, PLAUSIBLE, rangeMessage, type PlausiblePath, type Range } from "./limits";
import type { FieldIssue } from "./types";

export type Schema = z.ZodMiniType;

/** A number within a range of the plausible-ranges table (or a range given here). */
export function ranged(range: PlausiblePath | Range): Schema {
  const r: Range = typeof range === "string" ? PLAUSIBLE[range] : range;
  const error = rangeMessage(r);
  return z.number({ error }).check(z.refine((v) => inRange(r, v), { error }));
}

export function oneOf<T extends readonly [string, ...string[]]>(values: T): Schema {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

export const bool: Schema = z.boolean({ error: "must be true or false" });

export function text(maxLength: number, what = "text"): Schema {
  const error = `must be ${what} of at most ${maxLength} characters`;
  return z.string({ error }).check(z.maxLength(maxLength, { error }));
}

/** A strict object of optional fields: every key not in `shape` is an error naming it. */
export function block(shape: Record<string, Schema>, what = "an object"): Schema {
  const optional = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, z.optional(s)]));
  return z.strictObject(optional, { error: `must be ${what}` });
}

// ---------------------------------------------------------------------------------------------

/** A string as shown inside a message: quoted, cut to 40 characters, every control character escaped. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value as shown inside a message: short, on one line, control characters escaped. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "NaN" : "a number beyond double precision (read as Infinity)";
  if (typeof v === "boolean" || v === null) return String(v);
  if (v === undefined) return "nothing";
  return Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : typeof v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a path, through own properties only. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (!isObject(cur) || typeof key !== "string" || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A copy of `root` without the field at `path` (copied along the path only; never mutates). */
export function withoutPath(root: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return {};
  if (!isObject(root)) return root;
  const [head, ...rest] = path;
  if (typeof head !== "string" || !Object.prototype.hasOwnProperty.call(root, head)) return root;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(root)) if (k !== head) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (rest.length > 0) {
    const inner = withoutPath(root[head], rest);
    Object.defineProperty(copy, head, { value: inner, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The keys a strict object at `path` of `schema` knows (for "did you mean"). */
function knownKeys(schema: Schema, path: readonly PropertyKey[]): string[] {
  let cur: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { _zod?: { def?: { type?: string; innerType?: unknown } } };
    while (x?._zod?.def && (x._zod.def.type === "optional" || x._zod.def.type === "nullable")) x = x._zod.def.innerType as typeof x;
    return x;
  };
  for (const key of path) {
    const shape = (unwrap(cur) as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def?.shape;
    if (!shape || typeof key !== "string" || !Object.prototype.hasOwnProperty.call(shape, key)) return [];
    cur = shape[key];
  }
  const shape = (unwrap(cur) as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** "unknown field; did you mean "batch"?" or "unknown field; expected one of …". */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const near = known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => editDistance(k.toLowerCase(), lower) <= (key.length >= 5 ? 2 : 1));
  if (near !== undefined) return `unknown field; did you mean "${near}"?`;
  if (known.length === 0) return "unknown field";
  const list = known.length > 12 ? `${known.slice(0, 12).join(", ")}, …` : known.join(", ");
  return `unknown field; expected one of ${list}`;
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  return [prefix, ...parts].filter((p) => p !== "").join(".");
}

/** A printable field name: a key with odd characters is quoted, control characters escaped. */
function nameOf(key: string): string {
  return /^[\w$-]{1,80}$/.test(key) ? key : quote(key);
}

/** A copy without keys whose value is undefined (an explicit undefined means "not given"). */
function dropUndefined(v: unknown): unknown {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    // defineProperty, not assignment: an own "__proto__" key stays a key (and stays reported)
    if (x !== undefined) Object.defineProperty(out, k, { value: dropUndefined(x), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export interface Checked<T> {
  /** The input with every field that had an issue removed, parsed (undefined when nothing is left). */
  value: T | undefined;
  issues: FieldIssue[];
}

/**
 * Validates `input` against a strict `schema`. Every problem becomes a FieldIssue under `prefix`;
 * the fields with problems are dropped and the rest is kept, so one bad field never costs the
 * others. Never throws.
 */
export function check<T>(schema: Schema, input: unknown, prefix: string): Checked<T> {
  const issues: FieldIssue[] = [];
  let current = input;
  for (let pass = 0; pass < 4; pass++) {
    const r = z.safeParse(schema, current);
    if (r.success) return { value: dropUndefined(r.data) as T, issues };
    let next = current;
    for (const issue of r.error.issues) {
      if (issue.code === "unrecognized_keys") {
        const known = knownKeys(schema, issue.path);
        for (const key of issue.keys) {
          issues.push({ path: joinPath(prefix, [...issue.path, nameOf(key)]), message: unknownFieldMessage(key, known) });
          next = withoutPath(next, [...issue.path, key]);
        }
        continue;
      }
      const got = valueAt(current, issue.path);
      const message = issue.message.replace(/^Invalid input: /, "");
      issues.push({ path: joinPath(prefix, issue.path) || prefix || "(scenario)", message: `${message} (got ${describeValue(got)})` });
      next = withoutPath(next, issue.path);
    }
    if (next === current) break;
    current = next;
  }
  return { value: undefined, issues };
}

/**
 * Shared by the fuzz targets (one per surface user text comes in by: share links, config.json,
 * saved-scenario files, CLI scenario JSON). Each runs FUZZ_RUNS inputs: 1,000 in `npm test`,
 * 100,000 in `npm run fuzz`. FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { expect } from "vitest";

export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
/** Generous: about 1 ms per input on a slow, shared core. */
export const TIMEOUT = 20_000 + RUNS * 3;

/** How long a surface took, printed so `npm run fuzz` reports its figures. */
export function report(surface: string, runs: number, ms: number, extra = ""): void {
  console.log(`fuzz ${surface}: ${runs.toLocaleString("en-US")} inputs in ${(ms / 1000).toFixed(1)} s (${((ms * 1000) / runs).toFixed(0)} µs each)${extra ? `; ${extra}` : ""}`);
}

/** A clear message: one line of reasonable length, no raw control characters. */
export function expectOneLine(msg: unknown): asserts msg is string {
  expect(typeof msg).toBe("string");
  const s = msg as string;
  expect(s.length).toBeGreaterThan(5);
  expect(s.length).toBeLessThan(600);
  expect([...s].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0))).toEqual([]);
}

/** A rejection naming a field or key first: "<field>: what was wrong". */
export function expectNamed(msg: unknown): void {
  expectOneLine(msg);
  expect(msg).toMatch(/^(cmp: )?\S.{0,100}?: \S/);
}

/** Insertions, deletions, truncations and overwrites at random places. */
export function mutate(base: fc.Arbitrary<string>, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), text), { maxLength: 4 })).map(([seed, edits]) => {
    let s = seed;
    for (const [at, kind, t] of edits) {
      const i = at % (s.length + 1);
      s = kind === 0 ? s.slice(0, i) + t + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : kind === 2 ? s.slice(0, i) : s.slice(0, i) + t + s.slice(i + t.length);
    }
    return s;
  });
}

/** JSON values a careless or hostile file holds: extremes, wrong types, prototype names. */
export const jsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e-300, 1e308, 2 ** 53, 0.5, 1e15, 1e6, 8, 64, 4096),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("constructor", "__proto__", "llama-3.1-70b", "h100-sxm", "int4", "\u001b[31m", "", "lognormal", "gamma"),
  fc.constant([]),
  fc.constant({}),
);

export const PROTO_NAMES = ["constructor", "__proto__", "hasOwnProperty", "valueOf", "toString", "isPrototypeOf", "toLocaleString"] as const;

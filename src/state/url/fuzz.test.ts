/**
 * Fuzzing the two doors user text comes in by: share links (decodeComparison, which reads B and
 * the pinned A) and Hugging Face config.json files (importHfConfig). Every input must come back
 * without an exception, and every rejection must be a clear one-line message naming what it
 * refused. Runs FUZZ_RUNS inputs in all (default 6,000 here; `npm run fuzz` runs 100,000).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, importHfConfig, resolveScenario, paramCount, type ScenarioInput } from "../../core/index";
import { decodeComparison, encodeComparison } from "./codec";
import { SCHEMA } from "./schema";
import llama from "../../core/import/__fixtures__/llama-3.1-8b.json?raw";
import deepseek from "../../core/import/__fixtures__/deepseek-v3.json?raw";
import gptoss from "../../core/import/__fixtures__/gpt-oss-120b.json?raw";
import mixtral from "../../core/import/__fixtures__/mixtral-8x7b.json?raw";
import gemma2 from "../../core/import/__fixtures__/gemma-2-9b.json?raw";

const TOTAL = Number(process.env.FUZZ_RUNS ?? 6000);
const LINK_RUNS = Math.round(TOTAL / 2);
const CONFIG_RUNS = TOTAL - LINK_RUNS;
/** About 0.3 ms per link on a slow shared core, with room to spare. */
const TIMEOUT = 10_000 + TOTAL * 2;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

/** A clear message: a non-empty single line of reasonable length, naming a field or key first. */
function expectClear(msg: unknown) {
  expect(typeof msg).toBe("string");
  const s = msg as string;
  expect(s.length).toBeGreaterThan(5);
  expect(s.length).toBeLessThan(600);
  expect(s).not.toMatch(/[\n\r]/);
  expect(s).toMatch(/^(cmp: )?\S.{0,80}?: \S/); // "<field or key>: what was wrong"
}

// --- links ----------------------------------------------------------------------------------------
const keys = SCHEMA.map((r) => r.key);
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("~", "", "%", "%E0%A4%A", "1e999", "-0", "NaN", "Infinity", "true", "llama-3.1-70b", "h100-sxm", "int4", "2:4"),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys, "v", "z", "cmp", "lesson", "__proto__"), fc.string({ maxLength: 4 })), value);
const assembled = fc.array(pair, { maxLength: 12 }).map((ps) => ps.map(([k, v]) => `${k}=${v}`).join("&"));
const D = DEFAULT_SCENARIO_INPUT as ScenarioInput;
const validPair = fc
  .record({ b: fc.integer({ min: 1, max: 4096 }), n: fc.integer({ min: 1, max: 64 }), w: fc.constantFrom("bf16", "fp8", "int4" as const), m: fc.constantFrom("llama-3.1-70b", "mixtral-8x7b", "deepseek-v3") })
  .map(({ b, n, w, m }) =>
    encodeComparison({ ...D, workload: { ...D.workload, batch: b }, precision: { ...D.precision, weights: w } }, { ...D, model: { preset: m }, hardware: { preset: "h100-sxm", chips: n } }),
  );
/** Insertions, deletions, truncations and overwrites at random places. */
function mutate(base: fc.Arbitrary<string>, text: fc.Arbitrary<string>) {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), text), { maxLength: 4 })).map(([seed, edits]) => {
    let s = seed;
    for (const [at, kind, t] of edits) {
      const i = at % (s.length + 1);
      s = kind === 0 ? s.slice(0, i) + t + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : kind === 2 ? s.slice(0, i) : s.slice(0, i) + t + s.slice(i + t.length);
    }
    return s;
  });
}
const links = fc.oneof(
  fc.string({ maxLength: 60, unit: "binary" }),
  assembled,
  mutate(validPair, fc.constantFrom("&", "=", "%", "%26", "%3D", "cmp=", "z=", "~", "#", "?", "\u0000", "\uD800", "v=9")),
  assembled.map((q) => `v=1&cmp=${encodeURIComponent(q)}`),
);

// --- configs --------------------------------------------------------------------------------------
const fixtures = [llama, deepseek, gptoss, mixtral, gemma2].map((t) => JSON.parse(t) as Record<string, unknown>);
const jsonValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant([]), fc.constant({}), fc.integer({ min: -5, max: 100_000 }));
const mutatedConfig = fc
  .tuple(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.boolean(), jsonValue), { maxLength: 5 }))
  .map(([i, edits]) => {
    const cfg: Record<string, unknown> = { ...fixtures[i]! };
    const names = Object.keys(cfg);
    for (const [at, drop, v] of edits) {
      const k = names[at % names.length]!;
      if (drop) delete cfg[k];
      else cfg[k] = v;
    }
    return JSON.stringify(cfg);
  });
const configs = fc.oneof(
  mutatedConfig,
  mutatedConfig,
  mutate(fc.constantFrom(llama, deepseek, gptoss), fc.constantFrom("{", "}", ",", "\"", ":", "null", "1e400", "-1", "[")),
  fc.string({ maxLength: 40 }),
  fc.json({ maxDepth: 2 }),
);

describe(`fuzz (${TOTAL} inputs in all)`, () => {
  it(`should read ${LINK_RUNS} fuzzed and mutated share links without throwing, each rejection named`, () => {
    let warned = 0;
    fc.assert(
      fc.property(links, (link) => {
        const { a, b } = decodeComparison(link);
        expect(typeof b.input).toBe("object");
        for (const w of b.warnings) expectClear(w);
        if (a) for (const w of a.warnings) expectClear(w);
        // whatever the core still refuses in the scenario the page is left with (a cross-field rule
        // such as heads < kvHeads, which it clamps) was already reported by the decoder
        for (const issue of resolveScenario(b.input).issues) expect(b.warnings).toContain(`${issue.path}: ${issue.message}`);
        warned += b.warnings.length + (a?.warnings.length ?? 0);
      }),
      { numRuns: LINK_RUNS, seed: SEED },
    );
    expect(warned).toBeGreaterThan(LINK_RUNS / 10);
  }, TIMEOUT);

  it(`should import ${CONFIG_RUNS} fuzzed and mutated config.json texts without throwing, each rejection named`, () => {
    let refused = 0;
    fc.assert(
      fc.property(configs, (text) => {
        const r = importHfConfig(text);
        if (r.ok) {
          const { scenario, issues } = resolveScenario({ model: r.value.model });
          expect(issues).toEqual([]);
          expect(Number.isFinite(paramCount(scenario.model).total)).toBe(true);
        } else {
          refused++;
          expectClear(r.error);
          expect(r.error.startsWith("config.json")).toBe(true);
        }
      }),
      { numRuns: CONFIG_RUNS, seed: SEED },
    );
    expect(refused).toBeGreaterThan(CONFIG_RUNS / 10);
  }, TIMEOUT);
});

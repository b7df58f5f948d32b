/**
 * Fuzz target: share links (decodeComparison reads B and the pinned A; readLesson the page keys).
 * Seeded with issue 20's links. Property: no exception; every warning one line naming its field or
 * key; whatever the core still refuses in the scenario the page is left with was already reported;
 * at most a few dozen warnings listed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, resolveScenario, type ScenarioInput } from "../core/index";
import { decodeComparison, encodeComparison, MAX_WARNINGS } from "../state/url/codec";
import { SCHEMA } from "../state/url/schema";
import { readLesson } from "../state/lesson";
import { expectNamed, mutate, PROTO_NAMES, report, RUNS, SEED, TIMEOUT } from "./common";
import { SEED_LINKS } from "./seeds";

const keys = SCHEMA.map((r) => r.key);
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("~", "", "%", "%E0%A4%A", "1e999", "1e-300", "1e308", "-0", "NaN", "Infinity", "true", "llama-3.1-70b", "h100-sxm", "int4", "2:4", "constructor", "%1B%5B31m"),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys, "v", "z", "cmp", "lesson", "step", ...PROTO_NAMES), fc.string({ maxLength: 4 })), value);
const assembled = fc.array(pair, { maxLength: 12 }).map((ps) => ps.map(([k, v]) => `${k}=${v}`).join("&"));
const D = DEFAULT_SCENARIO_INPUT as ScenarioInput;
const validPair = fc
  .record({ b: fc.integer({ min: 1, max: 4096 }), n: fc.integer({ min: 1, max: 64 }), w: fc.constantFrom("bf16", "fp8", "int4" as const), m: fc.constantFrom("llama-3.1-70b", "mixtral-8x7b", "deepseek-v3") })
  .map(({ b, n, w, m }) =>
    encodeComparison({ ...D, workload: { ...D.workload, batch: b }, precision: { ...D.precision, weights: w } }, { ...D, model: { preset: m }, hardware: { preset: "h100-sxm", chips: n } }),
  );
const edits = fc.constantFrom("&", "=", "%", "%26", "%3D", "cmp=", "z=", "~", "#", "?", "\u0000", "\uD800", "v=9", "lesson=constructor&", "step=0&", "bw=1e-300&");
const seeds = fc.constantFrom(...SEED_LINKS);
const links = fc.oneof(
  seeds,
  mutate(seeds, edits),
  fc.string({ maxLength: 60, unit: "binary" }),
  assembled,
  mutate(validPair, edits),
  assembled.map((q) => `v=1&cmp=${encodeURIComponent(q)}`),
  assembled.map((q) => `#${q}`),
);
const lessons = new Map([["serving", 6]]);

describe(`fuzz: share links (${RUNS.toLocaleString("en-US")} inputs)`, () => {
  it("reads every link without throwing; each warning names its field; nothing the core refuses goes unreported", () => {
    let warned = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(links, (link) => {
        const { a, b } = decodeComparison(link);
        expect(typeof b.input).toBe("object");
        expect(b.warnings.length).toBeLessThanOrEqual(MAX_WARNINGS + 1);
        for (const w of b.warnings) expectNamed(w);
        if (a) for (const w of a.warnings) expectNamed(w);
        for (const w of readLesson(b.reserved, lessons).warnings) expectNamed(w);
        if (b.warnings.length <= MAX_WARNINGS) {
          for (const issue of resolveScenario(b.input).issues) expect(b.warnings).toContain(`${issue.path}: ${issue.message}`);
        }
        warned += b.warnings.length + (a?.warnings.length ?? 0);
      }),
      { numRuns: RUNS, seed: SEED, examples: SEED_LINKS.map((l) => [l]) },
    );
    report("links", RUNS, performance.now() - t0, `${warned.toLocaleString("en-US")} warnings`);
    expect(warned).toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);
});

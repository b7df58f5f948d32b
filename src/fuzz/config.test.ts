/**
 * Fuzz target: Hugging Face config.json text (importHfConfig, as the Import panel calls it).
 * Seeded with issue 20's configs and the real fixtures. Property: no exception; a config it
 * accepts resolves with no issue and a finite parameter count; every refusal is one line naming
 * the field.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importHfConfig, paramCount, resolveScenario } from "../core/index";
import llama from "../core/import/__fixtures__/llama-3.1-8b.json?raw";
import deepseek from "../core/import/__fixtures__/deepseek-v3.json?raw";
import gptoss from "../core/import/__fixtures__/gpt-oss-120b.json?raw";
import mixtral from "../core/import/__fixtures__/mixtral-8x7b.json?raw";
import gemma2 from "../core/import/__fixtures__/gemma-2-9b.json?raw";
import { expectNamed, jsonValue, mutate, PROTO_NAMES, report, RUNS, SEED, TIMEOUT } from "./common";
import { SEED_CONFIGS } from "./seeds";

const fixtures = [llama, deepseek, gptoss, mixtral, gemma2].map((t) => JSON.parse(t) as Record<string, unknown>);
const mutatedConfig = fc
  .tuple(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.boolean(), jsonValue, fc.option(fc.constantFrom(...PROTO_NAMES))), { maxLength: 5 }))
  .map(([i, edits]) => {
    const cfg: Record<string, unknown> = { ...fixtures[i]! };
    const names = Object.keys(cfg);
    for (const [at, drop, v, proto] of edits) {
      const k = proto ?? names[at % names.length]!;
      if (drop) delete cfg[k];
      else Object.defineProperty(cfg, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return JSON.stringify(cfg);
  });
const small = SEED_CONFIGS.filter((s) => s.length < 10_000);
const configs = fc.oneof(
  fc.constantFrom(...small),
  mutatedConfig,
  mutatedConfig,
  mutate(fc.constantFrom(llama, deepseek, gptoss, ...small), fc.constantFrom("{", "}", ",", '"', ":", "null", "1e400", "-1", "[", "\uFEFF", '"__proto__":')),
  fc.string({ maxLength: 40 }),
  fc.json({ maxDepth: 2 }),
);

describe(`fuzz: config.json (${RUNS.toLocaleString("en-US")} inputs)`, () => {
  it("imports every text without throwing; each refusal names the field", () => {
    let refused = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(configs, (text) => {
        const r = importHfConfig(text);
        if (r.ok) {
          const { scenario, issues } = resolveScenario({ model: r.value.model });
          expect(issues).toEqual([]);
          expect(Number.isFinite(paramCount(scenario.model).total)).toBe(true);
        } else {
          refused++;
          expectNamed(r.error);
          expect(r.error.startsWith("config.json")).toBe(true);
          expect(r.error).not.toMatch(/\(got null\)$/); // 1e400 is not null
        }
      }),
      { numRuns: RUNS, seed: SEED, examples: SEED_CONFIGS.map((c) => [c]) },
    );
    report("config.json", RUNS, performance.now() - t0, `${refused.toLocaleString("en-US")} refused`);
    expect(refused).toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);
});

/**
 * Fuzz target: scenario JSON as the command line reads it (`eval -`, through runCli, the same
 * function the process runs). Seeded with issue 20's scenarios. Property: never an internal
 * error (exit 1) or an exception; exit 2 prints one line `error: <field>: <what>` naming a
 * field, control characters escaped; exit 0 prints a report whose every number is finite, for a
 * scenario the core resolves without an issue (nothing was silently ignored).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../core/index";
import { runCli } from "../cli/run";
import { expectOneLine, jsonValue, mutate, PROTO_NAMES, report, RUNS, SEED, TIMEOUT } from "./common";
import { SEED_SCENARIOS } from "./seeds";

/** Field names a scenario file holds: real ones (all blocks), near misses and prototype names. */
const BLOCKS = {
  model: ["preset", "name", "params", "layers", "dModel", "heads", "kvHeads", "headDim", "dFF", "ffn", "vocab", "moe", "mla", "slidingWindow", "attention"],
  hardware: ["preset", "name", "chips", "memoryBytes", "memoryBandwidth", "peakFlops", "interconnectBandwidth", "pricePerHour", "powerWatts", "achievable", "topology"],
  workload: ["batch", "promptTokens", "outputTokens", "prefillBatch", "bacth"],
  precision: ["weights", "kvCache", "activations", "weightBits"],
  parallelism: ["layout", "attentionSharding", "experts"],
  efficiency: ["compute", "memory", "network"],
  sparsity: ["weights"],
  speculative: ["draftPreset", "draftParams", "draftTokens", "acceptanceRate"],
  serving: ["requestRate", "concurrency", "arrival", "burstiness", "requests", "seed", "promptTokens", "outputTokens", "dataset", "replicas", "scheduler", "slo"],
} as const;
const NESTED = ["bf16", "fp8", "experts", "activeExperts", "dist", "mean", "cv", "min", "max", "maxSequences", "ttftS", "compute", ...PROTO_NAMES];
const leaf = fc.oneof(jsonValue, fc.dictionary(fc.constantFrom(...NESTED), jsonValue, { maxKeys: 3 }));
const blockOf = (fields: readonly string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...fields, ...PROTO_NAMES), fc.string({ maxLength: 6 })), leaf, { maxKeys: 4 });
const scenario = fc
  .record(
    {
      ...Object.fromEntries(Object.entries(BLOCKS).map(([k, fields]) => [k, blockOf(fields)])),
      mode: fc.constantFrom("ideal", "realistic", "fast"),
      engine: fc.constantFrom("vllm", "sglang", "ollama"),
      extra: fc.dictionary(fc.constantFrom("Workload", "modle", ...PROTO_NAMES), jsonValue, { maxKeys: 1 }),
    },
    { requiredKeys: [] },
  )
  .map(({ extra, ...blocks }) => {
    const o: Record<string, unknown> = { ...blocks };
    for (const [k, v] of Object.entries(extra ?? {})) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return JSON.stringify(o);
  });
/** Mostly valid scenarios, so the path that prints a report is fuzzed too. */
const valid = fc
  .record({
    model: fc.constantFrom({ preset: "llama-3.1-70b" }, { params: 7e9 }, { preset: "mixtral-8x7b" }),
    hardware: fc.record({ chips: fc.integer({ min: 1, max: 64 }), pricePerHour: fc.double({ min: 0, max: 20, noNaN: true }) }, { requiredKeys: [] }),
    workload: fc.record({ batch: fc.integer({ min: 1, max: 512 }), promptTokens: fc.integer({ min: 1, max: 32768 }) }, { requiredKeys: [] }),
  })
  .map((s) => JSON.stringify(s));
const texts = fc.oneof(
  fc.constantFrom(...SEED_SCENARIOS),
  mutate(fc.constantFrom(...SEED_SCENARIOS), fc.constantFrom("{", "}", ",", '"', ":", "null", "1e400", "-1", "[", "\uFEFF", '"__proto__":', '"x":1,', "\u001b[31m")),
  scenario,
  scenario,
  valid,
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 30 }),
);

const io = (stdin: string) => ({ readStdin: async () => stdin, readFile: async () => stdin });

function* numbers(o: unknown): Generator<number> {
  if (typeof o === "number") yield o;
  else if (o && typeof o === "object") for (const v of Object.values(o)) yield* numbers(v);
}

describe(`fuzz: CLI scenario JSON (${RUNS.toLocaleString("en-US")} inputs)`, () => {
  it("answers every input with a report or one line naming the field, exit 0 or 2", async () => {
    let refused = 0;
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const r = await runCli(["eval", "-"], io(text));
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) {
          refused++;
          expect(r.stdout).toBe("");
          expect(r.stderr.endsWith("\n")).toBe(true);
          const line = r.stderr.slice(0, -1);
          expectOneLine(line);
          // "error: <field>: <what>", the field a path (or "stdin" for malformed JSON)
          expect(line).toMatch(/^error: (?:[^\s:"]+|"(?:[^"\\]|\\.)*")(?:\.(?:[^\s:"]+|"(?:[^"\\]|\\.)*"))*: \S/);
        } else {
          expect(r.stderr).toBe("");
          for (const n of numbers(JSON.parse(r.stdout))) expect(Number.isFinite(n)).toBe(true);
          expect(resolveScenario(JSON.parse(text.replace(/^\uFEFF/, ""))).issues).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED, examples: SEED_SCENARIOS.map((s) => [s]) },
    );
    report("CLI scenario JSON", RUNS, performance.now() - t0, `${refused.toLocaleString("en-US")} refused`);
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeLessThan(RUNS); // some inputs are valid and print a report
  }, TIMEOUT);
});

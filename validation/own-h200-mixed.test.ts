/**
 * Our own H200 mixed iterations (calibration/, issue 18: one fresh prefill chunk of 256, 1,024 or
 * 2,048 tokens with 16…128 sequences decoding at context 2,048) against the serving simulator's
 * own step model (core serving/iteration.ts: replicaPlan's step, the time the simulator charges
 * for such an iteration). Held out: no constant was set on them. Ideal mode is a lower bound on
 * all 48; realistic mode (engine "pytorch") is judged on all of them, the eager ones with the
 * engine's graphs off (the host's issue time per kernel, set on the eager decode and prefill
 * steps), each miss an expected failure with its reason (known-misses.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runReference } from "../src/core";
import { caseTests, formatTally, runAll, tally, type Case } from "./cases";

const file = fileURLToPath(new URL("./own_h200_cases.json", import.meta.url));
const cases = (JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] }).cases.filter((c) => c.tags.includes("mixed"));
const graph = cases.filter((c) => c.tags.includes("cuda-graph"));

describe("own H200 mixed iterations against the simulator's step", () => {
  it("are 48 iterations, 24 replayed from CUDA graphs, each priced as an iteration and held out", () => {
    expect(cases).toHaveLength(48);
    expect(graph).toHaveLength(24);
    for (const c of cases) {
      expect(c.field).toBe("iteration.stepS");
      expect(c.iteration).toBeDefined();
      expect(c.tags).not.toContain("calibration");
    }
  });

  const resultOf = runAll(cases);
  caseTests(cases, resultOf);
  it("prints realistic accuracy on the CUDA-graph and the eager runs, per model", () => {
    const eager = cases.filter((c) => c.tags.includes("pytorch-eager"));
    const perModel = ["llama-3.1-8b", "llama-3.2-1b"].map((m) => [m, tally(graph.filter((c) => c.id.includes(`-${m}-`)).map(resultOf))] as const);
    console.log(
      [
        `own H200 mixed iterations, CUDA graphs, engine pytorch: ${formatTally(tally(graph.map(resultOf)))}`,
        ...perModel.map(([m, t]) => `  ${m}: ${formatTally(t)}`),
        `own H200 mixed iterations, eager (graphs off): ${formatTally(tally(eager.map(resultOf)))}`,
      ].join("\n"),
    );
    for (const [, t] of perModel) expect(t.n).toBe(12);
    expect(eager).toHaveLength(24);
  });

  for (const c of cases) {
    it(`ideal mode is a lower bound: ${c.id}`, () => {
      const ideal = runReference({ ...c, scenario: { ...c.scenario, mode: "ideal" } });
      expect(typeof ideal.value).toBe("number");
      expect(ideal.value as number).toBeLessThanOrEqual(c.expected as number);
    });
  }
});

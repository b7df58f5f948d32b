/**
 * The CLI as a user runs it: a real process, its stdout, stderr and exit code. Each spawn costs
 * about half a second (several on a busy machine), so the cases are few, each checks several
 * things, and each has room; the many input cases run in-process (run.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeScenario } from "../state/url/codec";
import { DEFAULT_SCENARIO_INPUT } from "../core/index";
import type { ScenarioInput } from "../core/index";

const ROOT = join(import.meta.dirname, "..", "..");

function cli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    input: stdin ?? "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "cli-test-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One line on stderr, naming the field, exit code 2, nothing on stdout. */
function expectInvalid(r: ReturnType<typeof cli>, field: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(new RegExp(`^error: ${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: [^\n]+\n$`));
}

const SCENARIO: ScenarioInput = {
  ...DEFAULT_SCENARIO_INPUT,
  model: { preset: "llama-3.1-70b" },
  hardware: { preset: "h100-sxm", chips: 8 },
  workload: { ...DEFAULT_SCENARIO_INPUT.workload, batch: 16 },
};

const SLOW = { timeout: 60_000 };

describe("cli eval", SLOW, () => {
  it("prints the report of a scenario file, and the same report for the scenario's share link", () => {
    const fromFile = cli(["eval", file("s.json", JSON.stringify(SCENARIO))]);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/^\{\n {2}"params": \{/);
    const report = JSON.parse(fromFile.stdout);
    for (const key of ["params", "memory", "prefill", "decode", "total", "attention"]) expect(report).toHaveProperty(key);
    expect(report.params.total).toBeGreaterThan(7e10);
    expect(report.decode.timePerTokenS).toBeGreaterThan(0);

    const link = `https://example.test/#${encodeScenario(SCENARIO)}`;
    const fromLink = cli(["eval", "--url", link]);
    expect(fromLink.stderr).toBe("");
    expect(fromLink.code).toBe(0);
    expect(JSON.parse(fromLink.stdout)).toEqual(report);
  });

  it("reads the scenario from stdin with -", () => {
    const r = cli(["eval", "-"], JSON.stringify({ workload: { batch: 4 } }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total.outputTokensPerS).toBeGreaterThan(0);
  });

  it("rejects invalid input with one line naming the field and exit code 2", () => {
    expectInvalid(cli(["eval", "-"], '{"workload": {"batch": -1}}'), "workload.batch");
    expectInvalid(cli(["eval", file("bad.json", '{"model": ')]), join(dir, "bad.json"));
    expectInvalid(cli(["eval", "--url", "v=1&b=abc&pt=2048"]), "workload.batch");
    expectInvalid(cli(["eval", "--url", "v=1&m=nonexistent"]), "model.preset");
    expectInvalid(cli(["frobnicate"]), "frobnicate");
    // issue 20: a misspelt field is an error, not the default report
    expectInvalid(cli(["eval", "-"], '{"workload": {"bacth": 64}}'), "workload.bacth");
  });
});

describe("cli presets", SLOW, () => {
  it("lists model and hardware preset ids with names, as JSON", () => {
    const r = cli(["presets"]);
    expect(r.code).toBe(0);
    const { models, hardware } = JSON.parse(r.stdout);
    expect(models).toContainEqual({ id: "llama-3.1-70b", name: expect.any(String) });
    expect(hardware).toContainEqual({ id: "h100-sxm", name: expect.any(String) });
  });
});

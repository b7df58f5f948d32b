/**
 * The command line in-process (runCli: the same function the process runs), for the many input
 * cases of issue 20: nothing is silently ignored, no internal error, no raw control bytes.
 */
import { describe, expect, it } from "vitest";
import { decodeScenario } from "../state/url/codec";
import { DEFAULT_SCENARIO_INPUT, evaluateInput } from "../core/index";
import { runCli, type CliInput } from "./run";

const io = (stdin: string, files: Record<string, string> = {}): CliInput => ({
  readStdin: async () => stdin,
  readFile: async (path) => {
    if (Object.prototype.hasOwnProperty.call(files, path)) return files[path]!;
    throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
  },
});
const evalJson = (text: string) => runCli(["eval", "-"], io(text));

/** One line on stderr naming the field, exit code 2, nothing on stdout. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, field: string, message?: RegExp) {
  expect(r.stdout).toBe("");
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.startsWith(`error: ${field}: `), r.stderr).toBe(true);
  expect(r.stderr.endsWith("\n") && r.stderr.indexOf("\n") === r.stderr.length - 1).toBe(true);
  if (message) expect(r.stderr).toMatch(message);
}

describe("the CLI refuses what it cannot use, naming the field (issue 20)", () => {
  it("refuses unknown and misspelt fields (exit 2), top level included", async () => {
    expectRefused(await evalJson('{"workload":{"bacth":64}}'), "workload.bacth", /did you mean "batch"/);
    expectRefused(await evalJson('{"Workload":{"batch":64}}'), "Workload", /did you mean "workload"/);
    expectRefused(await evalJson('{"serving":{"requestRate":-1}}'), "serving.requestRate", /above 0/);
    expectRefused(await evalJson('{"serving":{"requestRate":1,"concurrency":2}}'), "serving.concurrency");
    expectRefused(await evalJson('{"engine":"ollama"}'), "engine");
  });

  it("names prototype-named fields with exit 2, never an internal error", async () => {
    for (const name of ["constructor", "hasOwnProperty", "valueOf", "toString", "__proto__"]) {
      for (const text of [`{"${name}":{}}`, `{"model":{"${name}":{"name":1}}}`, `{"hardware":{"${name}":{"run":1}}}`, `{"workload":{"${name}":1}}`, `{"hardware":{"peakFlops":{"${name}":1}}}`]) {
        const r = await evalJson(text);
        expect(r.stderr, text).not.toMatch(/internal|Cannot read/);
        expect(r.code, text).toBe(2);
        expect(r.stderr, text).toContain(`${name}: `);
      }
    }
  });

  it("refuses absurd but finite figures, from a file or a link", async () => {
    expectRefused(await evalJson('{"hardware":{"memoryBandwidth":1e-300}}'), "hardware.memoryBandwidth", /1e9 to 1e17 bytes\/s/);
    for (const key of ["bw", "fbf", "f8", "ic", "mem"]) {
      expectRefused(await runCli(["eval", "--url", `?v=1&${key}=1e-300`], io("")), key === "fbf" || key === "f8" ? `hardware.peakFlops.${key === "fbf" ? "bf16" : "fp8"}` : key === "bw" ? "hardware.memoryBandwidth" : key === "ic" ? "hardware.interconnectBandwidth" : "hardware.memoryBytes");
    }
    expectRefused(await evalJson('{"model":{"params":1e400}}'), "model.params", /beyond double precision/);
  });

  it("reads a partial hardware block as the link does: the default chip with those fields", async () => {
    const file = await evalJson('{"hardware":{"chips":8,"pricePerHour":2}}');
    const link = await runCli(["eval", "--url", "?v=1&n=8&pr=2"], io(""));
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout)).toEqual(JSON.parse(link.stdout));
    expect(JSON.parse(file.stdout).total.outputTokensPerS).toBeCloseTo(evaluateInput({ ...DEFAULT_SCENARIO_INPUT, hardware: { preset: "h100-sxm", chips: 8, pricePerHour: 2 } }).report.total.outputTokensPerS, 9);
  });

  it("strips terminal escapes from its error line", async () => {
    const r = await runCli(["eval", "\u001b[31mred\u0007"], io(""));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: \\u001b[31mred\\u0007: no such file\n");
    const bad = await evalJson('{"model":{"name":"\\u001b[2J"},"workload":{"batch":"\\u001b]0;x\\u0007"}}');
    expect([...bad.stderr.slice(0, -1)].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toEqual([]);
    expect(bad.code).toBe(2);
  });

  it("reads a file or standard input that starts with a UTF-8 byte-order mark", async () => {
    const r = await runCli(["eval", "s.json"], io("", { "s.json": '\uFEFF{"workload":{"batch":2}}' }));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).total.outputTokensPerS).toBeGreaterThan(0);
    expect((await evalJson('\uFEFF{}')).code).toBe(0);
  });

  it("reads a link's #part as the page does, and refuses an over-long link", async () => {
    const hash = await runCli(["eval", "--url", "https://x.test/#v=1&b=8"], io(""));
    const query = await runCli(["eval", "--url", "https://x.test/?v=1&b=8"], io(""));
    expect(hash.stdout).toBe(query.stdout);
    const long = `?v=1&${"k=1&".repeat(10_000)}`;
    expectRefused(await runCli(["eval", "--url", long], io("")), "link", /longer than the 32,000/);
    expect(decodeScenario(long).warnings[0]).toMatch(/^link: /);
  });
});

describe("the CLI runs the serving block (issue 14)", () => {
  it("prints the serving section only when the scenario has the block", async () => {
    const plain = JSON.parse((await evalJson('{"model":{"preset":"llama-3.1-8b"}}')).stdout);
    expect(plain.serving).toBeUndefined();
    const r = await evalJson('{"model":{"preset":"llama-3.1-8b"},"hardware":{"preset":"h100-sxm"},"serving":{"dataset":"sharegpt","requestRate":4,"slo":{"ttftS":0.5,"tpotS":0.05,"percentile":90}}}');
    expect(r.code, r.stderr).toBe(0);
    const sv = JSON.parse(r.stdout).serving;
    for (const k of ["ttftS", "tpotS", "itlS", "e2eS", "queueS"]) expect(sv[k].p99).toBeGreaterThanOrEqual(sv[k].p50);
    expect(sv.saturated).toBe(false);
    expect(sv.requestsPerS).toBeGreaterThan(3);
    expect(sv.requestsPerS).toBeLessThan(5);
    expect(sv.sloAttainment).toBeGreaterThan(0.9);
    expect(sv.maxRateAtSlo).toBeGreaterThan(4);
    expect(sv.costPerMillionOutputTokens).toBeGreaterThan(0);
  }, 20_000);
});

/** Issue 17's fields through the command line: a scenario file and a share link give the same report; mistakes name the field. */
import { describe, expect, it } from "vitest";
import { runCli, type CliInput } from "../../cli/run";

const io = (stdin: string): CliInput => ({ readStdin: async () => stdin, readFile: async () => Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" })) });
const scenario = {
  model: { preset: "llama-3.1-8b" },
  hardware: { preset: "h100-sxm", chips: 1 },
  workload: { promptTokens: 1024, outputTokens: 64 },
  serving: { requestRate: 2, requests: 200, prefixCache: { hitRate: 0.5, sharedPrefixTokens: 512 }, disaggregated: { prefill: { replicas: 1 }, decode: { replicas: 2, precision: "fp8" } } },
};

describe("prefix caching and disaggregation in the CLI (issue 17)", () => {
  it("evaluates them from JSON and from the equivalent share link alike", async () => {
    const a = await runCli(["eval", "-"], io(JSON.stringify(scenario)));
    expect(a.code, a.stderr).toBe(0);
    const s = JSON.parse(a.stdout).serving;
    expect(s.prefixCache).toMatchObject({ hitShare: 0.5, pinnedKvTokens: 512 });
    expect(s.disaggregated.decode).toMatchObject({ replicas: 2, precision: "fp8" });
    expect(s.disaggregated.transfer.bytesPerToken).toBe(131072); // 2 × 8 × 128 × 2 B × 32 layers
    const b = await runCli(["eval", "--url", "http://x/?v=1&m=llama-3.1-8b&hw=h100-sxm&n=1&pt=1024&ot=64&rr=2&rq=200&pch=0.5&pcs=512&dgpr=1&dgdr=2&dgdw=fp8"], io(""));
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).serving.disaggregated).toEqual(s.disaggregated);
  });

  it("names the field of a mistake (exit 2)", async () => {
    const bad = { ...scenario, serving: { ...scenario.serving, disaggregated: { decode: { replicas: 1.5 } } } };
    const r = await runCli(["eval", "-"], io(JSON.stringify(bad)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: serving\.disaggregated\.decode\.replicas: /);
    const u = await runCli(["eval", "--url", "http://x/?v=1&rr=2&pch=2&pcs=10"], io(""));
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/pch|serving\.prefixCache\.hitRate/);
  });
});

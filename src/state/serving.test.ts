import { afterEach, describe, expect, it } from "vitest";
import { decodeScenario, encodeScenario } from "./url/codec";
import { createCalculatorStore, defaultInput } from "./store";
import { openSaved, makeSaved } from "./saved";
import { DEFAULT_SERVING, inputForPlanRow, servingStore, startServing, withDataset, withLoad, withMean, withSlo, type Engine, type RunAnswer } from "./serving";
import type { ScenarioInput } from "../core";

const withServing = (serving: ScenarioInput["serving"]): ScenarioInput => ({ ...defaultInput(), serving });

describe("the serving block in the share link and saved scenarios", () => {
  const full = withServing({
    requestRate: 12.5,
    dataset: "azure-chat-2023",
    promptTokens: { mean: 900 },
    replicas: 3,
    scheduler: { maxSequences: 128, maxBatchedTokens: 4096, chunkedPrefill: false },
    slo: { ttftS: 0.8, tpotS: 0.04, percentile: 90 },
  });

  it("a link reopens the same rate, lengths, scheduler, SLO and percentile", () => {
    const link = encodeScenario(full);
    expect(link).toContain("rr=12.5");
    expect(link).toContain("slq=90");
    const back = decodeScenario(`?${link}`);
    expect(back.warnings).toEqual([]);
    expect(back.input.serving).toEqual(full.serving);
  });

  it("a closed loop round-trips too, and a scenario without serving writes no serving key", () => {
    const closed = withServing(withLoad(full.serving!, { kind: "concurrency", value: 48 }));
    expect(decodeScenario(`?${encodeScenario(closed)}`).input.serving).toEqual(closed.serving);
    expect(encodeScenario(defaultInput())).not.toMatch(/(^|&)(rr|cc|ds|slt)=/);
  });

  it("a saved scenario keeps the block", () => {
    expect(openSaved(makeSaved("load test", full, null)).input.serving).toEqual(full.serving);
  });
});

describe("editing the serving block", () => {
  it("switching to a closed loop drops the rate and the arrivals, and back", () => {
    const s = withLoad({ ...DEFAULT_SERVING, arrival: "gamma", burstiness: 2 }, { kind: "concurrency", value: 7.6 });
    expect(s).toMatchObject({ concurrency: 8 });
    expect(s).not.toHaveProperty("requestRate");
    expect(s).not.toHaveProperty("arrival");
    expect(s).not.toHaveProperty("burstiness");
    expect(withLoad(s, { kind: "rate", value: 3 })).toMatchObject({ requestRate: 3 });
  });

  it("a new dataset drops the length overrides; a fixed mean is whole tokens", () => {
    const s = withMean(DEFAULT_SERVING, "promptTokens", 333.4, true);
    expect(s.promptTokens).toEqual({ mean: 333 });
    expect(withDataset(s, "rag")).not.toHaveProperty("promptTokens");
    expect(withDataset(s, undefined)).not.toHaveProperty("dataset");
  });

  it("clearing both SLO limits removes the SLO", () => {
    const one = withSlo(DEFAULT_SERVING, { ttftS: undefined });
    expect(one.slo).toEqual({ tpotS: 0.05, percentile: 99 });
    expect(withSlo(one, { tpotS: undefined })).not.toHaveProperty("slo");
  });

  it("a plan row loads its hardware, chips, precision and replicas, keeping the traffic", () => {
    const input = withServing(DEFAULT_SERVING);
    const next = inputForPlanRow(input, { hardware: "a100-80gb", chipsPerReplica: 2, precision: { weights: "fp8", kvCache: "fp8", activations: "fp8" }, replicas: 3 });
    expect(next.hardware).toEqual({ preset: "a100-80gb", chips: 2 });
    expect(next.precision).toMatchObject({ weights: "fp8", kvCache: "fp8", activations: "fp8" });
    expect(next.serving).toEqual({ ...DEFAULT_SERVING, replicas: 3 });
  });
});

describe("simulations: latest wins", () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it("a new input cancels the simulation in flight and only the latest answer is shown", async () => {
    const store = createCalculatorStore();
    const calls: { input: ScenarioInput; resolve: (a: RunAnswer) => void }[] = [];
    let cancels = 0;
    const engine: Engine = {
      run: (input) => new Promise((resolve) => calls.push({ input, resolve })),
      plan: () => Promise.reject(new Error("unused")),
      cancel: () => void cancels++,
    };
    stop = startServing(store, engine, 0);
    expect(servingStore.getState().sim.status).toBe("idle");
    store.getState().patchInput("serving", { ...DEFAULT_SERVING, requestRate: 5 });
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toHaveLength(1);
    store.getState().patchInput("serving", { requestRate: 6 });
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toHaveLength(2);
    expect(cancels).toBeGreaterThanOrEqual(2);
    const fake = (rate: number) => ({ ok: true, ms: 1, run: { rate } }) as unknown as RunAnswer;
    calls[1]!.resolve(fake(6));
    calls[0]!.resolve(fake(5)); // the stale one, late
    await new Promise((r) => setTimeout(r, 0));
    const sim = servingStore.getState().sim;
    expect(sim.status).toBe("done");
    expect((sim.answer!.run as unknown as { rate: number }).rate).toBe(6);
    expect(sim.input?.serving?.requestRate).toBe(6);
    store.getState().patchInput("serving", undefined);
    expect(servingStore.getState().sim.status).toBe("idle");
  });
});

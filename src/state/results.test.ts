import { describe, expect, it } from "vitest";
import { createCalculatorStore } from "./store";
import { selectHeadline, selectReport } from "./selectors";
import { sharedAnalysis, startResults, workloadMove } from "./results";
import { createCostClient } from "../worker/client";
import { costApi } from "../worker/api";
import type { CostApi } from "../worker/protocol";

/** A client on the real worker functions in this thread, counting the calls. */
function countingClient() {
  const calls = { analyse: 0, reports: 0 };
  const api: CostApi = {
    ...costApi,
    analyse: (i) => (calls.analyse++, costApi.analyse(i)),
    reports: (is) => (calls.reports++, costApi.reports(is)),
  };
  return { calls, client: createCostClient({ createWorker: () => null, loadFallback: async () => api }) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("startResults: reports computed ahead", () => {
  it("should dry-run the prefetch actions without changing the input", () => {
    const store = createCalculatorStore();
    const before = store.getState().input;
    store.getState().prefetch([2, 3].map((b) => () => store.getState().setWorkload("batch", b)));
    expect(store.getState().input).toBe(before);
    expect(store.getState().nearby.map((i) => i.workload?.batch)).toEqual([2, 3]);
  });

  it("should show a report computed ahead in the same store update as the input, then the full analysis", async () => {
    const store = createCalculatorStore();
    const { client, calls } = countingClient();
    const stop = startResults(store, client);
    await settle();
    calls.reports = 0; // the first input's own report, asked for before its analysis
    store.getState().prefetch([() => store.getState().setWorkload("batch", 64)]);
    await settle();
    expect(calls.reports).toBe(1);

    store.getState().setWorkload("batch", 64);
    // synchronously, before the worker answered: the batch-64 report (decode is memory-bound, so
    // 64 sequences per step give well over 10× the throughput of one)
    const ahead = selectHeadline(store.getState());
    const before = store.getState().result.headline!;
    expect(store.getState().result.pending).toBe(true);
    expect(ahead).not.toBe(selectReport(store.getState()));
    expect(ahead?.total.outputTokensPerS).toBeGreaterThan(10 * (selectReport(store.getState())?.total.outputTokensPerS ?? Infinity));

    await settle();
    await settle();
    const s = store.getState();
    expect(s.result.pending).toBe(false);
    expect(s.result.headline).toBeNull();
    // the same core on the same input: the full analysis agrees with the report shown ahead, and
    // keeps its object, so nothing showing it renders again
    expect(selectHeadline(s)).toBe(ahead);
    expect(s.result.analysis?.insights?.roofline).toBe(before.roofline);
    stop();
  });

  it("should not ask again for inputs it already has, and miss inputs it was never asked for", async () => {
    const store = createCalculatorStore();
    const { client, calls } = countingClient();
    const stop = startResults(store, client);
    await settle();
    calls.reports = 0;
    const ask = () => store.getState().prefetch([() => store.getState().setWorkload("batch", 8)]);
    ask();
    await settle();
    ask();
    await settle();
    expect(calls.reports).toBe(1);
    store.getState().setWorkload("batch", 9);
    expect(store.getState().result.headline).toBeNull();
    stop();
  });

  it("should use a report left by an older window only when more than the workload moved (a far click paints once, from the analysis)", async () => {
    const store = createCalculatorStore();
    const { client } = countingClient();
    const stop = startResults(store, client);
    await settle();
    const window = (...batches: number[]) => store.getState().prefetch(batches.map((b) => () => store.getState().setWorkload("batch", b)));
    window(64);
    await settle();
    window(2, 3); // the thumb's window moved on: 64 is ahead, but no longer one move away
    await settle();
    store.getState().setWorkload("batch", 64);
    expect(store.getState().result.headline).toBeNull();
    await settle();
    await settle();
    expect(selectReport(store.getState())?.memory.fits).toBe(true);
    // in the current window: shown in the input's own update
    window(65);
    await settle();
    store.getState().setWorkload("batch", 65);
    expect(store.getState().result.headline?.batch).toBe(65);
    stop();
  });
});

describe("startResults: an input not computed ahead", () => {
  const start = () => {
    const store = createCalculatorStore();
    const order: string[] = [];
    const api: CostApi = {
      ...costApi,
      analyse: (i) => (order.push(`analyse ${i.workload?.batch ?? "-"} ${i.hardware?.chips ?? "-"}`), costApi.analyse(i)),
      reports: (is) => (order.push(`reports ${is.map((i) => `${i.workload?.batch ?? "-"} ${i.hardware?.chips ?? "-"}`).join(",")}`), costApi.reports(is)),
    };
    const stop = startResults(store, createCostClient({ createWorker: () => null, loadFallback: async () => api }));
    return { store, order, stop };
  };

  it("should ask for its report before its analysis when more than the workload changed, and end on the analysis with the same report object", async () => {
    const { store, order, stop } = start();
    await settle();
    await settle();
    order.length = 0;
    store.getState().setChips(4);
    for (let i = 0; i < 4; i++) await settle();
    expect(order).toEqual(["reports 1 4", "analyse 1 4"]);
    const s = store.getState();
    expect(s.result.pending).toBe(false);
    expect(s.result.headline).toBeNull();
    expect(selectReport(s)).toEqual(costApi.reports([s.input])[0]!.report);
    stop();
  });

  it("should ask for the analysis alone after a workload move (a far click on the batch track): one answer, one render", async () => {
    const { store, order, stop } = start();
    await settle();
    await settle();
    // the first load is not a move: its report first
    expect(order.slice(0, 2)).toEqual(["reports 1 1", "analyse 1 1"]);
    order.length = 0;
    store.getState().setWorkload("batch", 37);
    for (let i = 0; i < 4; i++) await settle();
    expect(order).toEqual(["analyse 37 1"]);
    const s = store.getState();
    expect(s.result.pending).toBe(false);
    expect(selectReport(s)).toEqual(costApi.reports([s.input])[0]!.report);
    stop();
  });
});

describe("workloadMove", () => {
  it("should be true only when nothing but the workload differs", () => {
    const a = { model: { preset: "llama-3.1-8b" }, workload: { batch: 1 } };
    expect(workloadMove(a, { ...a, workload: { batch: 256, promptTokens: 4096 } })).toBe(true);
    expect(workloadMove(a, { ...a, hardware: { chips: 2 } })).toBe(false);
    expect(workloadMove(a, { model: { preset: "llama-3.1-70b" }, workload: { batch: 1 } })).toBe(false);
    expect(workloadMove(undefined, a)).toBe(false);
    // the first call of the subscription passes the input as its own previous value
    expect(workloadMove(a, a)).toBe(false);
  });
});

describe("sharedAnalysis", () => {
  it("should keep the parts of the previous analysis that did not change", () => {
    const a = costApi.analyse({ workload: { batch: 4 } });
    const b = costApi.analyse({ workload: { batch: 5 } });
    const out = sharedAnalysis({ analysis: a, evaluator: "worker", pending: false }, b);
    expect(out).toEqual(b);
    // memory against batch does not depend on the batch itself; the report does
    expect(out.insights?.byBatch).toBe(a.insights?.byBatch);
    expect(out.scenario?.model).toBe(a.scenario?.model);
    expect(out.report).not.toBe(a.report);
  });
});

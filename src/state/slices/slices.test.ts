/** The store assembled from its slices: every slice's state and actions present once, and the actions no other test drives. */
import { describe, expect, it } from "vitest";
import { createCalculatorStore, defaultInput } from "../store";
import type { Analysis, PinnedAnalysis } from "../../worker/protocol";

describe("the calculator store's slices", () => {
  it("holds exactly the state and actions of its six slices", () => {
    const keys = Object.keys(createCalculatorStore().getState()).sort();
    expect(keys).toEqual(
      [
        // input
        "input", "linkWarnings", "loadInput", "setModelPreset", "setModelParams", "setShapeField", "setHardwarePreset",
        "setChips", "setHardwareField", "setPeakFlops", "setWorkload", "setPrecision", "setMode", "setEngine",
        "patchInput", "applyFrontierPoint", "setFlashAttention",
        // nearby
        "nearby", "prefetch",
        // view
        "view", "dismissLinkNotice", "setChartScale", "setInsightTab", "setHeld", "toggleWhy",
        // lesson
        "lesson", "setLesson",
        // compare
        "compare", "pinCompare", "setCompare", "swapCompare", "distill", "setDistill",
        // results
        "result",
      ].sort(),
    );
  });

  it("merges break-even assumptions, or replaces them all when a link is opened", () => {
    const store = createCalculatorStore();
    expect(store.getState().distill).toEqual({});
    store.getState().setDistill({ trainingTokens: 5e10 });
    store.getState().setDistill({ requestsPerS: 2.5 });
    expect(store.getState().distill).toEqual({ trainingTokens: 5e10, requestsPerS: 2.5 });
    store.getState().setDistill({ mfu: 0.3 }, true);
    expect(store.getState().distill).toEqual({ mfu: 0.3 });
  });

  it("pins A as a copy, swaps A and B, and drops A's analysis when A is cleared", () => {
    const store = createCalculatorStore();
    store.getState().setWorkload("batch", 4);
    store.getState().pinCompare();
    const a = store.getState().compare;
    expect(a).toEqual(store.getState().input);
    expect(a).not.toBe(store.getState().input);
    store.getState().setWorkload("batch", 32);
    store.getState().swapCompare();
    expect(store.getState().input.workload?.batch).toBe(4);
    expect(store.getState().compare?.workload?.batch).toBe(32);

    const pinned = { error: "A" } as unknown as PinnedAnalysis;
    const analysis = { error: "B" } as unknown as Analysis;
    store.setState({ result: { analysis, evaluator: "worker", pending: false, pinned } });
    store.getState().setCompare(store.getState().compare);
    expect(store.getState().result.pinned).toBe(pinned);
    store.getState().setCompare(null);
    expect(store.getState().compare).toBeNull();
    expect(store.getState().result).toEqual({ analysis, evaluator: "worker", pending: false, pinned: null });
  });

  it("keeps the CUDA-graphs option across engines that have the switch, and drops it for one that has none", () => {
    const store = createCalculatorStore();
    const st = () => store.getState();
    st().setEngine("vllm");
    st().patchInput("engineOptions", { cudaGraphs: false });
    expect(st().input.engineOptions).toEqual({ cudaGraphs: false });
    st().setEngine("sglang");
    expect(st().input).toMatchObject({ engine: "sglang", engineOptions: { cudaGraphs: false } });
    st().setEngine("mlx");
    expect(st().input.engine).toBe("mlx");
    expect(st().input.engineOptions).toBeUndefined();
    st().setEngine("pytorch");
    st().patchInput("engineOptions", { cudaGraphs: false });
    st().patchInput("engineOptions", undefined);
    expect(st().input.engineOptions).toBeUndefined();
  });

  it("swaps nothing when no A is pinned", () => {
    const store = createCalculatorStore();
    const before = store.getState().input;
    store.getState().swapCompare();
    expect(store.getState().input).toBe(before);
    expect(store.getState().compare).toBeNull();
  });

  it("opens and closes 'why?' terms, and holds a refused field's last value until it is released", () => {
    const store = createCalculatorStore();
    store.getState().toggleWhy("ttft");
    store.getState().toggleWhy("tpot");
    store.getState().toggleWhy("ttft");
    expect(store.getState().view.openWhy).toEqual(["tpot"]);

    store.getState().setHeld("Batch", "16");
    const view = store.getState().view;
    store.getState().setHeld("Batch", "16"); // unchanged: the same view object, no re-render
    expect(store.getState().view).toBe(view);
    expect(store.getState().view.held).toEqual({ Batch: "16" });
    store.getState().setHeld("Batch", null);
    expect(store.getState().view.held).toEqual({});
  });

  it("keeps each store's dry run to itself: a prefetch on one never writes the other's input", () => {
    const one = createCalculatorStore();
    const two = createCalculatorStore();
    one.getState().prefetch([() => two.getState().setWorkload("batch", 7)]);
    expect(two.getState().input.workload?.batch).toBe(7);
    expect(one.getState().nearby).toEqual([]);
    expect(one.getState().input).toEqual(defaultInput());
  });

  it("enters and leaves a lesson, and reopens the link notice when a link is loaded", () => {
    const store = createCalculatorStore();
    store.getState().setLesson({ id: "memory", step: 2 });
    expect(store.getState().lesson).toEqual({ id: "memory", step: 2 });
    store.getState().setLesson(null);
    expect(store.getState().lesson).toBeNull();
    store.getState().dismissLinkNotice();
    store.getState().setChartScale("time");
    store.getState().setInsightTab("capacity");
    store.getState().loadInput(defaultInput(), ["b: bad"]);
    expect(store.getState().view).toMatchObject({ linkNoticeDismissed: false, chartScale: "time", insightTab: "capacity" });
    expect(store.getState().linkWarnings).toEqual(["b: bad"]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { createCalculatorStore, defaultInput } from "./store";
import { badgeFor, noticesFor } from "./selectors";
import { throttle } from "./sync";
import type { Report } from "../core";

describe("calculator store", () => {
  it("should start from the default scenario input", () => {
    const store = createCalculatorStore();
    expect(store.getState().input).toEqual(defaultInput());
  });

  it("should replace the model block when a preset is picked and when a parameter count is set", () => {
    const store = createCalculatorStore();
    store.getState().setModelPreset("llama-3.1-70b");
    expect(store.getState().input.model).toEqual({ preset: "llama-3.1-70b" });
    store.getState().setModelParams(7e9);
    expect(store.getState().input.model).toEqual({ params: 7e9 });
  });

  it("should keep the chip count when the accelerator changes", () => {
    const store = createCalculatorStore();
    store.getState().setChips(8);
    store.getState().setHardwarePreset("a100-80gb");
    expect(store.getState().input.hardware).toEqual({ preset: "a100-80gb", chips: 8 });
  });

  it("should override one shape field on top of a preset", () => {
    const store = createCalculatorStore();
    store.getState().setShapeField("layers", 40);
    expect(store.getState().input.model).toMatchObject({ preset: defaultInput().model?.preset, layers: 40 });
  });

  it("should change only the workload field that moved", () => {
    const store = createCalculatorStore();
    store.getState().setWorkload("batch", 64);
    expect(store.getState().input.workload).toEqual({ ...defaultInput().workload, batch: 64 });
  });

  it("should show link warnings until dismissed, and input issues always", () => {
    const store = createCalculatorStore();
    store.getState().loadInput(defaultInput(), ['"zz": unknown key']);
    const analysis = { scenario: null, issues: [{ path: "hardware.chips", message: "must be at least 1" }], report: null, sweep: null, error: null };
    const s = store.getState();
    expect(noticesFor(s.linkWarnings, s.view.linkNoticeDismissed, analysis).map((n) => n.kind)).toEqual(["link", "input"]);
    store.getState().dismissLinkNotice();
    const t = store.getState();
    expect(noticesFor(t.linkWarnings, t.view.linkNoticeDismissed, analysis).map((n) => n.text)).toEqual([
      "hardware.chips: must be at least 1",
    ]);
  });
});

describe("badgeFor", () => {
  const report = (fits: boolean, decode: string, prefill = "compute") =>
    ({ memory: { fits }, decode: { bottleneck: decode }, prefill: { bottleneck: prefill } }) as unknown as Report;
  it("should say does not fit before anything else", () => {
    expect(badgeFor(report(false, "memory"))?.text).toBe("does not fit");
  });
  it("should name the decode bottleneck", () => {
    expect(badgeFor(report(true, "memory"))?.text).toBe("memory-bound");
    expect(badgeFor(report(true, "network"))?.text).toBe("network-bound");
    expect(badgeFor(report(true, "compute"))?.detail).toMatch(/prefill is compute-bound/);
    expect(badgeFor(null)).toBeNull();
  });
  it("should say host-bound when the host's kernel issue outlasts the GPU's step (CUDA graphs off)", () => {
    const r = { memory: { fits: true }, decode: { bottleneck: "memory", hostBound: true }, prefill: { bottleneck: "compute", hostBound: false } } as unknown as Report;
    expect(badgeFor(r)).toEqual({ kind: "host", text: "host-bound", detail: expect.stringMatching(/GPU's memory-bound step; prefill is compute-bound/) });
  });
});

describe("throttle", () => {
  it("should run at once, then at most once per interval, always with the last arguments", () => {
    vi.useFakeTimers();
    let now = 0;
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 150, () => now);
    t(1);
    expect(calls).toEqual([1]);
    t(2);
    t(3);
    expect(calls).toEqual([1]);
    now = 150;
    vi.advanceTimersByTime(150);
    expect(calls).toEqual([1, 3]);
    t(4);
    t.flush();
    expect(calls).toEqual([1, 3, 4]);
    vi.useRealTimers();
  });

  it("should make even the first call wait when not leading", () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 150, () => 0, false);
    t(1);
    t(2);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(calls).toEqual([2]);
    vi.useRealTimers();
  });
});

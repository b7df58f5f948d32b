/**
 * The cost client with a worker (client.ts): a MessageChannel stands in for the Worker, with a
 * CostApi exposed on its far end by comlink, as cost.worker.ts does. Covers the worker's answer,
 * the timeout path and the error path; the fallback is the in-thread implementation.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { expose } from "comlink";
import { createCostClient } from "./client";
import type { Analysis, CostApi } from "./protocol";

const answer = (tag: string): Analysis => ({ scenario: null, issues: [], report: null, sweep: null, error: tag });
const local: CostApi = { analyse: (input) => answer(`local ${input.workload?.batch}`), reports: () => [], frontier: () => null };

/** A Worker made of a MessageChannel: `analyse` answers as `reply` says; counts its calls; terminate closes it. */
function fakeWorker(reply: "answer" | "never") {
  const { port1, port2 } = new MessageChannel();
  const calls: number[] = [];
  const api: CostApi = {
    analyse: (input) => {
      calls.push(input.workload?.batch ?? 0);
      return reply === "answer" ? answer(`worker ${input.workload?.batch}`) : (new Promise<never>(() => {}) as never);
    },
    reports: () => [],
    frontier: () => null,
  };
  expose(api, port2);
  const terminate = vi.fn(() => {
    port1.close();
    port2.close();
  });
  const worker = Object.assign(port1, { terminate, onerror: null, onmessageerror: null }) as unknown as Worker;
  return { worker, terminate, calls, port1 };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createCostClient with a worker", () => {
  it("answers from the worker when it answers in time", async () => {
    const w = fakeWorker("answer");
    const client = createCostClient({ createWorker: () => w.worker, loadFallback: async () => local, timeoutMs: 1000 });
    const a = await client.analyseLatest({ workload: { batch: 2 } });
    expect(a).toEqual({ analysis: answer("worker 2"), evaluator: "worker" });
    expect(w.calls).toEqual([2]);
    expect(w.terminate).not.toHaveBeenCalled();
    client.dispose();
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });

  it("gives up on a silent worker after timeoutMs, answers from this thread, and never asks the worker again", async () => {
    vi.useFakeTimers();
    const w = fakeWorker("never");
    const client = createCostClient({ createWorker: () => w.worker, loadFallback: async () => local, timeoutMs: 1000 });
    let settled: unknown = "pending";
    const first = client.analyseLatest({ workload: { batch: 3 } }).then((a) => (settled = a));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe("pending");
    expect(w.terminate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await first;
    expect(settled).toEqual({ analysis: answer("local 3"), evaluator: "main-thread" });
    expect(w.terminate).toHaveBeenCalledTimes(1);
    // the worker is gone: the next request goes straight to this thread, with no timer to wait for
    expect(await client.analyseLatest({ workload: { batch: 4 } })).toEqual({ analysis: answer("local 4"), evaluator: "main-thread" });
    expect(w.calls).toEqual([3]);
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });

  it("falls back at once when the worker reports an error, without waiting for the timeout", async () => {
    const w = fakeWorker("never");
    const client = createCostClient({ createWorker: () => w.worker, loadFallback: async () => local, timeoutMs: 3_600_000 });
    const pending = client.analyseLatest({ workload: { batch: 5 } });
    w.port1.dispatchEvent(new Event("error"));
    expect(await pending).toEqual({ analysis: answer("local 5"), evaluator: "main-thread" });
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });
});

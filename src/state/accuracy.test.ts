/**
 * The accuracy service (accuracy.ts): its own worker when one starts, the same functions in this
 * thread when none can, and a clear rejection when the worker fails. A MessageChannel with a
 * comlink-exposed stub stands in for the worker; each test loads a fresh module (the service is
 * started once per page).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expose } from "comlink";
import { resolveScenario } from "../core";
import { accuracyApi, type AccuracyApi, type AccuracyRow, type Nearest, type OwnRuns } from "../worker/accuracyApi";

const row: AccuracyRow = {
  id: "stub-row",
  source: "a stub worker",
  quantity: "decode step",
  group: "measured",
  unit: "s",
  published: 2,
  predicted: 2.2,
  errorPct: 10,
  tolerancePct: 25,
  pass: true,
};
const near: Nearest = { row, distance: 0.5, sameFamily: true, sameChip: false, close: true };
const own: OwnRuns = { device: "NVIDIA H200", software: "PyTorch 2", measuredOn: "2026-12-04", rows: [{ ...row, id: "own-row", role: "held-out" }] };

const load = async () => (await import("./accuracy")).accuracyService;
const scenario = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } }).scenario;

/** Installs a Worker constructor that returns one end of a MessageChannel; records what it was asked to start. */
function stubWorker(api: AccuracyApi) {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2);
  const started: { url: string; options: unknown }[] = [];
  vi.stubGlobal(
    "Worker",
    class {
      constructor(url: URL, options: unknown) {
        started.push({ url: String(url), options });
        return port1;
      }
    },
  );
  return { started, port1, close: () => (port1.close(), port2.close()) };
}

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("accuracyService", () => {
  it("without workers, answers in this thread with the accuracy functions themselves, and is started once", async () => {
    expect(typeof Worker).toBe("undefined");
    const accuracyService = await load();
    const service = accuracyService();
    expect(accuracyService()).toBe(service);
    const n = await service.nearest(scenario);
    expect(n).not.toBeNull();
    expect(n).toEqual(accuracyApi.nearest(scenario));
  });

  it("falls back to this thread when the worker cannot be constructed", async () => {
    vi.stubGlobal(
      "Worker",
      class {
        constructor() {
          throw new Error("no module workers here");
        }
      },
    );
    const service = (await load())();
    expect(await service.nearest(scenario)).toEqual(accuracyApi.nearest(scenario));
  });

  it("asks its own module worker, named accuracy, when one starts", async () => {
    const w = stubWorker({ rows: () => [row], ownRuns: () => own, nearest: () => near });
    const service = (await load())();
    expect(await service.rows()).toEqual([row]);
    expect(await service.ownRuns()).toEqual(own);
    expect(await service.nearest(scenario)).toEqual(near);
    expect(w.started).toHaveLength(1);
    expect(w.started[0]?.url).toMatch(/\/worker\/accuracy\.worker\.ts$/);
    expect(w.started[0]?.options).toEqual({ type: "module", name: "accuracy" });
    w.close();
  });

  it("rejects with a clear message when the worker fails to start, rather than waiting for ever", async () => {
    const never = () => new Promise<never>(() => {}) as never;
    const w = stubWorker({ rows: never, ownRuns: never, nearest: never });
    const service = (await load())();
    const rows = service.rows();
    const nearest = service.nearest(scenario);
    w.port1.dispatchEvent(new Event("error"));
    await expect(rows).rejects.toThrow("the accuracy worker failed to start");
    await expect(nearest).rejects.toThrow("the accuracy worker failed to start");
    w.close();
  });
});

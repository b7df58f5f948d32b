import { describe, expect, it } from "vitest";
import { configUrlFor, fetchModelConfig, importModelText } from "./modelImport";
import { createCalculatorStore } from "./store";
import llama from "../core/import/__fixtures__/llama-3.1-8b.json?raw";

describe("model import", () => {
  it("should put an imported model into the scenario and keep the rest", () => {
    const store = createCalculatorStore();
    store.getState().setWorkload("batch", 16);
    const r = importModelText(store, llama, "meta-llama/Llama-3.1-8B");
    expect(r.ok).toBe(true);
    expect(store.getState().input.model).toMatchObject({ name: "meta-llama/Llama-3.1-8B", layers: 32, kvHeads: 8 });
    expect(store.getState().input.workload?.batch).toBe(16);
  });

  it("should leave the scenario alone when the config is refused", () => {
    const store = createCalculatorStore();
    const before = store.getState().input;
    expect(importModelText(store, "{}").ok).toBe(false);
    expect(store.getState().input).toBe(before);
  });

  it("should build hub URLs only from owner/name ids", () => {
    expect(configUrlFor("Qwen/Qwen3-8B")).toBe("https://huggingface.co/Qwen/Qwen3-8B/resolve/main/config.json");
    expect(configUrlFor("a/b@v1.0")).toBe("https://huggingface.co/a/b/resolve/v1.0/config.json");
    expect(configUrlFor("../etc/passwd")).toBeNull();
    expect(configUrlFor("https://evil.example/x")).toBeNull();
    expect(configUrlFor("a/..")).toBeNull();
  });

  it("should explain fetch failures: bad id, offline, gated, missing, network", async () => {
    const answer = (status: number) => (async () => new Response("x", { status })) as unknown as typeof fetch;
    expect(await fetchModelConfig("nope", answer(200), true)).toMatchObject({ ok: false, error: expect.stringMatching(/^Model id: expected/) });
    expect(await fetchModelConfig("a/b", answer(200), false)).toMatchObject({ ok: false, error: expect.stringContaining("offline") });
    expect(await fetchModelConfig("a/b", answer(401), true)).toMatchObject({ ok: false, error: expect.stringContaining("gated") });
    expect(await fetchModelConfig("a/b", answer(404), true)).toMatchObject({ ok: false, error: expect.stringContaining("no config.json") });
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await fetchModelConfig("a/b", down, true)).toMatchObject({ ok: false, error: expect.stringContaining("could not reach") });
    expect(await fetchModelConfig("a/b", answer(200), true)).toEqual({ ok: true, text: "x" });
  });
});

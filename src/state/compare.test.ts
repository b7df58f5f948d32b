import { describe, expect, it } from "vitest";
import { createCalculatorStore } from "./store";
import { startB } from "./compare";

describe("starting B of a comparison", () => {
  it("gives a student A's precision and sparsity, not those of the variant B was before", () => {
    const store = createCalculatorStore();
    store.getState().setModelPreset("llama-3.1-70b");
    startB(store, "int4"); // pins A (bf16), B = int4 weights
    expect(store.getState().input.precision?.weights).toBe("int4");
    startB(store, "sparse-2:4");
    expect(store.getState().input.sparsity).toEqual({ weights: "2:4" });
    startB(store, "student", "llama-3.1-8b");
    const b = store.getState().input;
    expect(b.model).toEqual({ preset: "llama-3.1-8b" });
    expect(b.precision?.weights ?? "bf16").toBe("bf16");
    expect(b.sparsity?.weights ?? "none").toBe("none");
    expect(store.getState().compare?.model).toEqual({ preset: "llama-3.1-70b" });
  });
});

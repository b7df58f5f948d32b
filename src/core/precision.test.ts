import { describe, expect, it } from "vitest";
import { bytesPerElement, defaultWeightBits, mathPrecision, peakFor } from "./precision";
import type { HardwareSpec } from "./types";

const h100 = { name: "H100", chips: 1, memoryBytes: 1, memoryBandwidth: 3.35e12, interconnectBandwidth: 1, peakFlops: { bf16: 989e12, fp8: 1979e12, int8: 1979e12 } } satisfies HardwareSpec;

describe("precision", () => {
  it("should give storage bytes per element", () => {
    expect([bytesPerElement("fp32"), bytesPerElement("bf16"), bytesPerElement("fp8"), bytesPerElement("int4")]).toEqual([4, 2, 1, 0.5]);
  });
  it("should include group scales in default 4-bit widths", () => {
    expect(defaultWeightBits("int4")).toBe(4.125); // 4 + 16/128
    expect(defaultWeightBits("fp4")).toBe(4.25); // MXFP4: 4 + 8/32
    expect(defaultWeightBits("int8")).toBe(8);
  });
  it("should run weight-only quantization in the activation precision", () => {
    expect(mathPrecision({ weights: "int8", kvCache: "bf16", activations: "bf16" })).toBe("bf16");
    expect(mathPrecision({ weights: "fp8", kvCache: "fp8", activations: "fp8" })).toBe("fp8");
    expect(mathPrecision({ weights: "bf16", kvCache: "bf16", activations: "fp8" })).toBe("bf16");
  });
  it("should fall back to the next wider format a chip has", () => {
    expect(peakFor(h100, "int4")).toEqual({ flops: 1979e12, used: "int8" });
    expect(peakFor(h100, "fp16")).toEqual({ flops: 989e12, used: "fp16" });
    expect(peakFor(h100, "fp32")).toEqual({ flops: 494.5e12, used: "fp32" }); // half the bf16 rate
  });
});

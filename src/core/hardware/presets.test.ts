import { describe, expect, it } from "vitest";
import { HARDWARE_PRESETS, findHardwarePreset } from "./presets";

function numbers(o: unknown, path: string, out: [string, unknown][]): void {
  if (typeof o === "number") out.push([path, o]);
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) numbers(v, `${path}.${k}`, out);
}

describe("hardware presets", () => {
  it("has at least 20 presets with unique lowercase ids", () => {
    expect(HARDWARE_PRESETS.length).toBeGreaterThanOrEqual(20);
    const ids = HARDWARE_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const id of ["v100", "a10g", "l4", "l40s", "a100-40gb", "a100-80gb", "a100-80gb-pcie", "h100-sxm", "h100-pcie",
      "h100-nvl", "h200", "b200", "gb200", "rtx-3090", "rtx-4090", "rtx-5090", "mi250x", "mi300x", "mi325x", "mi355x",
      "tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e", "tpu7x", "m2-ultra", "m3-max", "m4-max", "gaudi2", "gaudi3"]) {
      expect(ids).toContain(id);
    }
  });

  for (const p of HARDWARE_PRESETS) {
    it(`${p.id}: every number finite and > 0, fractions ≤ 1`, () => {
      const nums: [string, unknown][] = [];
      numbers(p, p.id, nums);
      for (const [path, v] of nums) {
        expect(Number.isFinite(v), path).toBe(true);
        expect(v as number, path).toBeGreaterThan(0);
      }
      expect(Object.keys(p.spec.peakFlops).length).toBeGreaterThan(0);
      if (p.spec.achievable?.compute !== undefined) expect(p.spec.achievable.compute).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.defaultChips)).toBe(true);
      expect(p.source.length).toBeGreaterThan(0);
    });
  }

  it("H100 SXM: 80 GiB and a bf16 ridge point of ≈ 295 FLOP/byte", () => {
    const h = findHardwarePreset("h100-sxm")!.spec;
    expect(h.memoryBytes).toBe(85899345920);
    expect(h.peakFlops.bf16! / h.memoryBandwidth).toBeCloseTo(295.22, 1);
    expect(h.interconnectBandwidth).toBe(450e9);
    expect(h.fastDomainChips).toBe(8);
    expect(h.scaleOutBandwidth).toBe(50e9);
    expect(findHardwarePreset("gb200")!.spec.fastDomainChips).toBe(72);
    expect(findHardwarePreset("tpu-v5p")!.spec.memoryBytes).toBe(102005473280);
    expect(findHardwarePreset("unknown")).toBeUndefined();
  });

  it("sparse flag on Ampere-and-later NVIDIA and MI300-and-later AMD only", () => {
    for (const id of ["a100-80gb", "h100-sxm", "b200", "rtx-4090", "mi300x", "mi355x"]) {
      expect(findHardwarePreset(id)!.spec.sparseTensorCores, id).toBe(true);
    }
    for (const id of ["v100", "mi250x", "tpu-v5e", "gaudi3", "m4-max"]) {
      expect(findHardwarePreset(id)!.spec.sparseTensorCores, id).toBeFalsy();
    }
  });
});

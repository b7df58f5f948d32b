import { describe, expect, it } from "vitest";
import { formatBytes, formatBytesBinary, formatCount, formatParamsShort, formatPercent, formatSeconds, formatUsd } from "./format";

describe("format", () => {
  it("should format with units and never print NaN", () => {
    expect(formatBytes(1.5e9)).toBe("1.5 GB");
    expect(formatBytesBinary(2 ** 30)).toBe("1 GiB");
    expect(formatSeconds(0.0123)).toBe("12.3 ms");
    expect(formatCount(7.24e9)).toBe("7.24B");
    expect(formatPercent(0.4567)).toBe("45.7%");
    expect(formatUsd(0.12345)).toBe("$0.123");
    expect(formatUsd(9.2e-5)).toBe("<$0.0001");
    expect(formatUsd(1e-4)).toBe("$0.0001");
    for (const f of [formatBytes, formatSeconds, formatCount, formatPercent, formatUsd]) {
      expect(f(NaN)).toBe("—");
      expect(f(Infinity)).toBe("—");
      expect(f(undefined)).toBe("—");
    }
  });
});

describe("formatParamsShort (a derived model's name)", () => {
  it("should say T, B or M with three significant figures", () => {
    expect(formatParamsShort(7.24e9)).toBe("7.24B");
    expect(formatParamsShort(70.56e9)).toBe("70.6B");
    expect(formatParamsShort(1.2e8)).toBe("120M");
    expect(formatParamsShort(1.5e12)).toBe("1.5T");
  });
});

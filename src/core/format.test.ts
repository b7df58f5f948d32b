import { describe, expect, it } from "vitest";
import { formatBytes, formatBytesBinary, formatCount, formatPercent, formatSeconds, formatUsd } from "./format";

describe("format", () => {
  it("should format with units and never print NaN", () => {
    expect(formatBytes(1.5e9)).toBe("1.5 GB");
    expect(formatBytesBinary(2 ** 30)).toBe("1 GiB");
    expect(formatSeconds(0.0123)).toBe("12.3 ms");
    expect(formatCount(7.24e9)).toBe("7.24B");
    expect(formatPercent(0.4567)).toBe("45.7%");
    expect(formatUsd(0.12345)).toBe("$0.123");
    for (const f of [formatBytes, formatSeconds, formatCount, formatPercent, formatUsd]) {
      expect(f(NaN)).toBe("—");
      expect(f(Infinity)).toBe("—");
      expect(f(undefined)).toBe("—");
    }
  });
});

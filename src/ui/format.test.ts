import { describe, expect, it } from "vitest";
import {
  DASH,
  formatBytes,
  formatCount,
  formatGB,
  formatInt,
  formatPercent,
  formatSeconds,
  formatTokensPerS,
  formatUsd,
} from "./format";

describe("format", () => {
  it("should show bytes in decimal units", () => {
    expect(formatBytes(85899345920)).toBe("85.9 GB");
    expect(formatBytes(141e9)).toBe("141 GB");
    expect(formatBytes(2.5e12)).toBe("2.5 TB");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatGB(2.5e12)).toBe("2,500 GB");
  });

  it("should pick a readable time unit", () => {
    expect(formatSeconds(0.0123)).toBe("12.3 ms");
    expect(formatSeconds(4.5e-5)).toBe("45 µs");
    expect(formatSeconds(3.2)).toBe("3.2 s");
    expect(formatSeconds(600)).toBe("10 min");
    expect(formatSeconds(0)).toBe("0 s");
  });

  it("should never print NaN, Infinity or undefined", () => {
    for (const f of [formatBytes, formatGB, formatSeconds, formatCount, formatInt, formatPercent, formatUsd, formatTokensPerS]) {
      for (const x of [NaN, Infinity, -Infinity, undefined, null]) expect(f(x as number)).toBe(DASH);
    }
  });

  it("should keep absurd magnitudes readable", () => {
    expect(formatCount(1e15)).toBe("1,000T");
    expect(formatBytes(2e21)).toBe("2,000,000 PB");
    expect(formatSeconds(1e12)).toMatch(/years$/);
    expect(formatInt(1e20)).toBe("1e20");
  });

  it("should format counts, money and shares", () => {
    expect(formatCount(70553706496)).toBe("70.6B");
    expect(formatUsd(0.03124)).toBe("$0.0312");
    expect(formatPercent(0.4234)).toBe("42.3%");
    expect(formatPercent(0.0001)).toBe("<0.1%");
    expect(formatTokensPerS(1234.5)).toBe("1,235 tok/s");
  });
});

import { describe, expect, it } from "vitest";
import { byteTime, bytes, bytesPerS, flop, flopPerS, flopTime, seconds, type Bytes, type Seconds } from "./units";
import type { StepOps } from "./cost/step";

describe("units as types", () => {
  it("should time FLOPs and bytes against their rates (1 TFLOP at 1 PFLOP/s is 1 ms; 16 GB at 3.35 TB/s is 4.78 ms)", () => {
    expect(flopTime(flop(1e12), flopPerS(1e15))).toBe(1e-3);
    expect(byteTime(bytes(16e9), bytesPerS(3.35e12))).toBeCloseTo(4.776e-3, 6);
  });

  it("should refuse to mix units at compile time (typecheck fails if any line below compiles)", () => {
    // @ts-expect-error: bytes are not seconds
    const t: Seconds = bytes(1);
    // @ts-expect-error: a bare number is not bytes
    const b: Bytes = 5;
    // @ts-expect-error: a step's weight bytes cannot be given FLOPs
    const ops: Pick<StepOps, "weightBytes"> = { weightBytes: flop(1) };
    // a branded value is still a number to read and compute with
    const sum: number = seconds(1) + bytes(2);
    expect([t, b, ops.weightBytes, sum]).toEqual([1, 5, 1, 3]);
  });
});

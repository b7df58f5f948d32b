import { describe, expect, it } from "vitest";
import { fieldLabel, inWords } from "./en";

describe("warnings in a reader's words", () => {
  it("should name a field the way the page labels it", () => {
    expect(inWords("workload.batch: must be a whole number from 1 to 1,000,000 sequences (got \"-5\"); ignored b=-5, using 1")).toBe(
      "Batch size must be a whole number from 1 to 1,000,000 sequences (got \"-5\"); ignored b=-5, using 1",
    );
    expect(inWords("engine: must be one of vllm, sglang")).toBe("Serving engine must be one of vllm, sglang");
    expect(inWords("hardware.peakFlops.bf16: must be a number from 1e9 to 1e18")).toBe("Peak bf16 FLOP/s must be a number from 1e9 to 1e18");
  });
  it("should keep a link key the reader wrote, and read what follows it in words", () => {
    expect(inWords("zz: unknown key; ignored zz=1")).toBe("zz: unknown key; ignored zz=1");
    expect(inWords("constructor: unknown key")).toBe("constructor: unknown key");
    expect(inWords("cmp: workload.batch: must be a whole number")).toBe("cmp: Batch size must be a whole number");
    expect(inWords("a sentence without a key")).toBe("a sentence without a key");
  });
  it("should word an unlisted path from its last part", () => {
    expect(fieldLabel("hardware.fastDomainChips")).toBe("Fast domain chips");
  });
});

import { describe, expect, it } from "vitest";
import { Random } from "./rng";
import { drawLength } from "./simulate";
import { findWorkload, WORKLOADS } from "./workloads";

describe("named workloads", () => {
  it("have unique ids, a source, and well-formed lengths", () => {
    expect(new Set(WORKLOADS.map((w) => w.id)).size).toBe(WORKLOADS.length);
    for (const w of WORKLOADS) {
      expect(w.source.length).toBeGreaterThan(20);
      for (const d of [w.promptTokens, w.outputTokens]) {
        if (d.dist === "lognormal") {
          expect(d.mean).toBeGreaterThanOrEqual(d.min);
          expect(d.mean).toBeLessThanOrEqual(d.max);
          expect(d.cv).toBeGreaterThan(0);
        }
      }
    }
  });

  it("draw the published means (Azure chat 2023: 1,155 in / 211 out, within clipping)", () => {
    const w = findWorkload("azure-chat-2023")!;
    const r = new Random(5);
    let p = 0;
    let o = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      p += drawLength(w.promptTokens, r);
      o += drawLength(w.outputTokens, r);
    }
    expect(p / n / 1155).toBeCloseTo(1, 1);
    expect(o / n / 211).toBeCloseTo(1, 1);
  });

  it("look ids up in a map: inherited names are not workloads", () => {
    for (const id of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(findWorkload(id)).toBeUndefined();
    expect(findWorkload("sharegpt")?.promptTokens).toMatchObject({ mean: 220 });
  });
});

/**
 * The accuracy view's own-runs set: its slim data file is exactly the projection of the full
 * cases file (no drift between the two), and each row is the same result the full case gives.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runReference } from "../src/core";
import { accuracyApi } from "../src/worker/accuracyApi";
import { ownView, type OwnCasesFile } from "./own-h200-view";

const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8")) as unknown;
const full = read("own_h200_cases.json") as OwnCasesFile;

describe("own H200 runs in the accuracy view", () => {
  it("own_h200_view.json is the projection of own_h200_cases.json (run calibration/to-cases.ts after editing either)", () => {
    expect(read("own_h200_view.json")).toEqual(ownView(full));
  });

  it("lists the 95 CUDA-graph runs with the card and software, each the result of its full case", () => {
    const own = accuracyApi.ownRuns();
    expect(own.device).toBe("NVIDIA H200");
    expect(own.software).toBe("PyTorch 2.11.0+cu130, CUDA 13.0, driver 580.159.04");
    expect(own.measuredOn).toBe("2026-12-04");
    const graph = full.cases.filter((c) => c.tags.includes("cuda-graph"));
    expect(own.rows.map((r) => r.id)).toEqual(graph.map((c) => c.id));
    expect(own.rows).toHaveLength(95);
    expect(own.rows[0]!.quantity).toBe("Llama-3.1 8B: one decode step at batch 1, context 512 (PyTorch replayed from a CUDA graph)");
    for (const [i, c] of graph.entries()) {
      const r = runReference(c);
      expect(own.rows[i]).toMatchObject({ predicted: r.value, errorPct: r.errorPct, pass: r.pass, published: c.expected, role: c.tags.includes("calibration") ? "calibration" : "held-out" });
    }
    // 71 decode and prefill steps set the pytorch engine's terms; the 24 mixed iterations are held out
    expect(own.rows.filter((r) => r.role === "calibration")).toHaveLength(71);
    expect(own.rows.filter((r) => r.role === "held-out")).toHaveLength(24);
  });
});

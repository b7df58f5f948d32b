import { describe, expect, it } from "vitest";
import { firstPaint } from "./first";
import { analyse } from "./api";
import { headlineTexts } from "../core/headline";
import { decodeComparison } from "../state/url/codec";
import { createCalculatorStore } from "../state/store";
import { hydrateFromQuery } from "../state/sync";

/** What the page's store holds after reading the same address (state/sync.ts). */
function pageInput(search: string, hash = "") {
  const store = createCalculatorStore();
  hydrateFromQuery(store, search, hash);
  return store.getState();
}

describe("firstPaint (the worker's answer to the page's address)", () => {
  it.each([
    ["", ""],
    ["?v=1&pt=8192&b=8&n=2&w=fp8", ""],
    ["", "#v=1&pt=512&ot=256"],
    ["?v=1&n=8&pr=2", ""],
  ])("reads %s%s to the input the page's store holds and writes the headline as the results panel does", (search, hash) => {
    const first = firstPaint(search, hash);
    expect(first).not.toBeNull();
    const state = pageInput(search, hash);
    expect(JSON.stringify(first!.input)).toBe(JSON.stringify(state.input));
    const report = analyse(state.input).report!;
    expect(first!.headline.report).toEqual(report);
    expect(first!.texts).toEqual(headlineTexts(report));
    expect(first!.texts.ttft).toMatch(/\d/);
  });

  it("leaves a link with a notice, a lesson, a comparison or break-even assumptions to the page (no early numbers)", () => {
    expect(decodeComparison("?v=1&b=abc").b.warnings.length).toBeGreaterThan(0);
    expect(firstPaint("?v=1&b=abc", "")).toBeNull();
    expect(firstPaint("?v=1&zz=1", "")).toBeNull();
    expect(firstPaint("?v=1&lesson=roofline&step=2", "")).toBeNull();
    expect(firstPaint(`?v=1&b=8&cmp=${encodeURIComponent("v=1&b=4")}`, "")).toBeNull();
    expect(firstPaint("?v=99&pt=512", "")).toBeNull();
    // hostile input never throws
    expect(firstPaint(undefined as never, null as never)).not.toBeUndefined();
  });
});

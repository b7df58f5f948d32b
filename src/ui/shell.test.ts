import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { COPY } from "./copy/en";

/**
 * index.html's static shell (src/shell.ts) copies the header's words and the six cards' labels
 * from React's components; e2e/first-paint.spec.ts compares the cards in a browser, this the
 * header's words, which that test does not read.
 */
describe("the static shell in index.html", () => {
  const html = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
  it("says what React's header says before it has loaded", () => {
    for (const words of [COPY.title, COPY.tagline, COPY.computing, COPY.copyLink]) expect(html).toContain(words);
  });
  it("has a node for each figure the worker writes, and one copy of each test id", () => {
    for (const key of ["ttft", "tpot", "throughput", "throughputSub", "costUnit", "cost", "costSplit", "costInput", "mfu", "mbu"]) expect(html).toContain(`data-text="${key}"`);
    const ids = [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

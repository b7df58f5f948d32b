import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every source file under src (tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("no HTML sinks", () => {
  it("should never hand text to the HTML parser (links, saved entries and imported configs are shown as text only)", () => {
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment)\b/;
    const offenders = sources("src").filter((f) => sinks.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

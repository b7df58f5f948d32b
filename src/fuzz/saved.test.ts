/**
 * Fuzz target: saved-scenario export files, through every step the Saved panel takes: read the
 * file (parseSavedFile), write its entries to storage (importSaved, sometimes into a full
 * storage), list them back (listSaved) and open each (openSaved, decoded like a link). Seeded
 * with issue 20's files. Property: no exception; every problem is one line saying which
 * scenario or field; every entry read opens with warnings naming their fields.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importSaved, listSaved, openSaved, parseSavedFile, type SavedStorage } from "../state/saved";
import { expectNamed, expectOneLine, jsonValue, mutate, PROTO_NAMES, report, RUNS, SEED, TIMEOUT } from "./common";
import { SEED_LINKS, SEED_SAVED_FILES } from "./seeds";

function memoryStorage(full: boolean): SavedStorage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new Error("QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const FIELDS = ["format", "version", "id", "name", "savedAt", "link", "compare", ...PROTO_NAMES, "colour"];
const entry = fc
  .record({
    base: fc.record({
      format: fc.constantFrom("inference-cost-explorer/scenario", "other"),
      version: fc.constantFrom(1, 2, "1"),
      id: fc.oneof(fc.constantFrom("a", "b", "constructor", "__proto__", ""), fc.string({ maxLength: 8 })),
      name: fc.oneof(fc.string({ maxLength: 20 }), fc.constant("n".repeat(201))),
      savedAt: fc.constant("2026-01-01T00:00:00.000Z"),
      link: fc.oneof(fc.constantFrom(...SEED_LINKS.filter((l) => l.length < 8000).map((l) => l.replace(/^[?#]/, ""))), fc.string({ maxLength: 30 })),
    }),
    edits: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.boolean(), jsonValue), { maxLength: 3 }),
  })
  .map(({ base, edits }) => {
    const o: Record<string, unknown> = { ...base };
    for (const [k, drop, v] of edits) {
      if (drop) delete o[k];
      else Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return o;
  });
const files = fc.oneof(
  fc.constantFrom(...SEED_SAVED_FILES),
  mutate(fc.constantFrom(...SEED_SAVED_FILES.filter((f) => f.length < 5000)), fc.constantFrom("{", "}", ",", '"', ":", "null", "1e400", "[", "\uFEFF", '"__proto__":', '"x":1,')),
  fc.array(entry, { maxLength: 6 }).map((es) => JSON.stringify({ format: "inference-cost-explorer/scenarios", version: 1, scenarios: es })),
  fc.array(entry, { maxLength: 4 }).map((es) => JSON.stringify(es)),
  entry.map((e) => JSON.stringify(e)),
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
);

/** A problem line: which scenario, which field, or what is wrong with the file as a whole. */
const PROBLEM = /^(Import: (scenario \d+( \(".*"\))? (field "(?:[^"\\]|\\.)*"|is |was )|field "(?:[^"\\]|\\.)*": |not valid JSON|not a scenarios export|the file |only the first |\d+ scenarios? (was|were|had) )|Could not save )/s;

describe(`fuzz: saved-scenario files (${RUNS.toLocaleString("en-US")} inputs)`, () => {
  it("reads, stores, lists and opens every file without throwing; each problem says where", () => {
    let problems = 0;
    let opened = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(files, fc.boolean(), (text, full) => {
        const parsed = parseSavedFile(text);
        for (const p of [...parsed.problems]) {
          expectOneLine(p);
          expect(p).toMatch(PROBLEM);
        }
        const storage = memoryStorage(full && parsed.entries.length > 0);
        const written = importSaved(storage, parsed.entries);
        expect(written.problems.length).toBeLessThanOrEqual(3); // never one line per scenario
        for (const p of written.problems) expectOneLine(p);
        const listed = listSaved(storage);
        expect(listed.problems).toEqual([]);
        expect(listed.entries).toHaveLength(full && parsed.entries.length > 0 ? 0 : written.imported);
        for (const e of listed.entries) {
          const o = openSaved(e);
          expect(typeof o.input).toBe("object");
          for (const w of o.warnings) expectNamed(w);
          opened++;
        }
        problems += parsed.problems.length + written.problems.length;
      }),
      { numRuns: RUNS, seed: SEED, examples: SEED_SAVED_FILES.map((f) => [f, false]) },
    );
    report("saved files", RUNS, performance.now() - t0, `${problems.toLocaleString("en-US")} problems, ${opened.toLocaleString("en-US")} entries opened`);
    expect(problems).toBeGreaterThan(RUNS / 10);
    expect(opened).toBeGreaterThan(RUNS / 20);
  }, TIMEOUT);
});

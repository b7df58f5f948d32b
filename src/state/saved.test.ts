import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, type ScenarioInput } from "../core";
import { ENTRY_FORMAT, SAVED_PREFIX, deleteSaved, exportSavedFile, importSaved, listSaved, makeSaved, openSaved, parseSavedFile, writeSaved, type SavedStorage } from "./saved";

function memoryStorage(init: Record<string, string> = {}): SavedStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(init));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const D = structuredClone(DEFAULT_SCENARIO_INPUT) as ScenarioInput;
const B: ScenarioInput = { ...D, precision: { ...D.precision, weights: "int4" } };
const A: ScenarioInput = { ...D, model: { preset: "llama-3.1-70b" } };

describe("saved scenarios", () => {
  it("should save, list (newest first), open and delete", () => {
    const s = memoryStorage();
    const first = makeSaved("  bf16 vs int4 ", B, A, new Date("2026-01-01T00:00:00Z"));
    const second = makeSaved("", D, null, new Date("2026-02-01T00:00:00Z"));
    expect(writeSaved(s, first)).toBeNull();
    expect(writeSaved(s, second)).toBeNull();
    const { entries, problems } = listSaved(s);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual(["Untitled scenario", "bf16 vs int4"]);
    expect(first.link).toBe("v=1&w=int4");
    const opened = openSaved(entries[1]!);
    expect(opened.warnings).toEqual([]);
    expect(opened.input.precision?.weights).toBe("int4");
    expect(opened.compare?.model).toEqual({ preset: "llama-3.1-70b" });
    deleteSaved(s, entries[1]!);
    expect(listSaved(s).entries).toHaveLength(1);
  });

  it("should report a corrupted or foreign entry by key and still load the rest", () => {
    const good = makeSaved("good", B, null);
    const s = memoryStorage({
      [SAVED_PREFIX + good.id]: JSON.stringify(good),
      [SAVED_PREFIX + "broken"]: "{not json",
      [SAVED_PREFIX + "foreign"]: JSON.stringify({ format: "someone-else", data: 1 }),
      [SAVED_PREFIX + "future"]: JSON.stringify({ ...good, id: "future", version: 7 }),
      [SAVED_PREFIX + "badfield"]: JSON.stringify({ ...good, id: "badfield", name: 42 }),
      "other-app": "whatever",
    });
    const { entries, problems } = listSaved(s);
    expect(entries.map((e) => e.name)).toEqual(["good"]);
    expect(problems).toEqual([
      'Saved entry "ice:saved:broken": not valid JSON; skipped',
      'Saved entry "ice:saved:foreign": is not a saved scenario of this tool (format "someone-else"); skipped',
      'Saved entry "ice:saved:future": was saved by a newer version of this tool (version 7); skipped',
      'Saved entry "ice:saved:badfield": field "name" must be text; skipped',
    ]);
  });

  it("should open an entry whose link has bad fields with warnings naming them", () => {
    const e = { ...makeSaved("x", D, null), link: "v=1&b=abc&pt=2048" };
    const opened = openSaved(e);
    expect(opened.input.workload?.promptTokens).toBe(2048);
    expect(opened.warnings[0]).toMatch(/^workload\.batch: /);
  });

  it("should export and import a file, skipping bad entries by position", () => {
    const a = makeSaved("one", B, A);
    const text = exportSavedFile([a]);
    expect(parseSavedFile(text)).toEqual({ entries: [a], problems: [] });
    const mixed = JSON.stringify({ format: "inference-cost-explorer/scenarios", version: 1, scenarios: [a, { format: ENTRY_FORMAT, version: 1, name: "no id" }, 5] });
    const r = parseSavedFile(mixed);
    expect(r.entries).toEqual([a]);
    expect(r.problems).toEqual(['Import: scenario 2 ("no id") field "id" must be text; skipped', "Import: scenario 3 is not an object; skipped"]);
    expect(parseSavedFile("nope").problems[0]).toMatch(/^Import: not valid JSON/);
    expect(parseSavedFile('{"a":1}').problems[0]).toMatch(/not a scenarios export/);
    expect(parseSavedFile(JSON.stringify([a])).entries).toEqual([a]);
  });

  it("should report storage that refuses writes instead of throwing", () => {
    const s = memoryStorage();
    s.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(writeSaved(s, makeSaved("big", D, null))).toMatch(/^Could not save "big": QuotaExceededError/);
    expect(listSaved(null).problems[0]).toMatch(/does not allow storage/);
  });
});

describe("saved scenarios: careless files and full storage (issue 20)", () => {
  it("never replaces the user's entry with an imported one that has its id: both are kept", () => {
    const mine = makeSaved("mine", B, null);
    const s = memoryStorage({ [SAVED_PREFIX + mine.id]: JSON.stringify(mine) });
    const theirs = { ...makeSaved("theirs", A, null), id: mine.id };
    const r = importSaved(s, [theirs]);
    expect(r).toEqual({ imported: 1, problems: ["Import: 1 scenario had the id of a different saved scenario; kept both"] });
    expect(listSaved(s).entries.map((e) => e.name).sort()).toEqual(["mine", "theirs"]);
    // importing the very same entry again adds nothing, and says so
    expect(importSaved(s, [mine])).toEqual({ imported: 0, problems: ["Import: 1 scenario was already saved here; not saved twice"] });
    expect(listSaved(s).entries).toHaveLength(2);
  });

  it("deletes an entry whose storage key and id differ", () => {
    const e = makeSaved("edited by hand", B, null);
    const s = memoryStorage({ [`${SAVED_PREFIX}some-other-key`]: JSON.stringify(e) });
    const [listed] = listSaved(s).entries;
    expect(listed?.storageKey).toBe(`${SAVED_PREFIX}some-other-key`);
    deleteSaved(s, listed!);
    expect(listSaved(s).entries).toEqual([]);
  });

  it("reports a full storage once, with a count, not once per scenario", () => {
    const s = memoryStorage();
    s.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    const many = Array.from({ length: 500 }, (_, i) => makeSaved(`s${i}`, D, null));
    const r = importSaved(s, many);
    expect(r.imported).toBe(0);
    expect(r.problems).toEqual(['Could not save 500 scenarios ("s0" and 499 more): QuotaExceededError (storage full or blocked)']);
  });

  it("names a field the tool does not write instead of dropping it", () => {
    const e = { ...makeSaved("x", D, null), colour: "red" };
    expect(parseSavedFile(JSON.stringify([e])).problems).toEqual(['Import: scenario 1 ("x") field "colour": unknown field; expected one of format, version, id, name, savedAt, link, compare; skipped']);
    const file = JSON.parse(exportSavedFile([makeSaved("y", D, null)])) as Record<string, unknown>;
    expect(parseSavedFile(JSON.stringify({ ...file, scenarioz: [] })).problems).toEqual(['Import: field "scenarioz": unknown field; did you mean "scenarios"?']);
  });

  it("exports what it lists without where it was stored, so the file imports cleanly", () => {
    const s = memoryStorage();
    writeSaved(s, makeSaved("round trip", B, A));
    const listed = listSaved(s).entries;
    const back = parseSavedFile(exportSavedFile(listed));
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual(listed.map(({ storageKey: _k, ...e }) => e));
  });

  it("reads a file that starts with a UTF-8 byte-order mark", () => {
    const a = makeSaved("bom", B, null);
    expect(parseSavedFile(`\uFEFF${exportSavedFile([a])}`)).toEqual({ entries: [a], problems: [] });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_INPUT, HARDWARE_PRESETS, MODEL_PRESETS, PLAUSIBLE, rangeMessage } from "../../core/index";
import type { ScenarioInput } from "../../core/index";
import { MIGRATIONS, decodeScenario, encodeScenario, parseScenarioLink, splitLink } from "./codec";
import { CURRENT_VERSION, SCHEMA } from "./schema";
import type { FieldRow, FieldValue } from "./schema";

type Obj = Record<string, unknown>;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Drops empty objects: an empty block and an absent one mean the same scenario. */
function prune<T>(x: T): T {
  if (typeof x !== "object" || x === null) return x;
  const out: Obj = {};
  for (const [k, v] of Object.entries(x as Obj)) {
    const p = prune(v);
    if (p === undefined) continue;
    if (typeof p === "object" && p !== null && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out as T;
}

function setPath(root: Obj, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = root;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== "object" || cur[part] === null) cur[part] = {};
    cur = cur[part] as Obj;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** A scenario: the default with these fields set (undefined = removed). */
function scenario(fields: Record<string, unknown>, base: ScenarioInput = DEFAULT_SCENARIO_INPUT): ScenarioInput {
  const out = clone(base) as Obj;
  for (const [path, value] of Object.entries(fields)) setPath(out, path, value);
  return out as ScenarioInput;
}

/** Any value the row's parser accepts. */
function valueOf(row: FieldRow): fc.Arbitrary<FieldValue> {
  const k = row.kind;
  switch (k.type) {
    case "range": {
      const r = k.range;
      if (r.integer) {
        return fc.oneof(
          fc.integer({ min: r.min, max: Math.min(r.max, 100_000) }),
          fc.double({ min: r.min, max: r.max, noNaN: true }).map((x) => Math.min(r.max, Math.max(r.min, Math.round(x)))),
        );
      }
      return fc.double({ min: r.min, max: r.max, noNaN: true, minExcluded: r.minExclusive ?? false }).map((x) => (x === 0 ? 0 : x));
    }
    case "bool":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...k.values);
    case "preset":
      return fc.constantFrom(...(k.block === "model" ? MODEL_PRESETS : HARDWARE_PRESETS).map((p) => p.id));
    case "text":
      return fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 })).filter((s) => s.length <= k.maxLength);
  }
}

/** A syntactically valid scenario: from the default or from nothing, some fields set or removed. */
const anyInput: fc.Arbitrary<ScenarioInput> = fc
  .tuple(
    fc.boolean(),
    fc.tuple(...SCHEMA.map((row) => fc.option(fc.option(valueOf(row), { nil: undefined }), { nil: null, freq: 2 }))),
  )
  .map(([fromDefault, values]) => {
    const out = (fromDefault ? clone(DEFAULT_SCENARIO_INPUT) : {}) as Obj;
    SCHEMA.forEach((row, i) => {
      const v = values[i];
      if (v !== null) setPath(out, row.path, v); // null: keep; undefined: remove; else set
    });
    return prune(out) as ScenarioInput;
  });

const warningsFor = (link: string) => decodeScenario(link).warnings;

describe("the default scenario", () => {
  it("encodes to v=1 and decodes back from it, an empty link, or no link", () => {
    expect(encodeScenario(DEFAULT_SCENARIO_INPUT)).toBe(`v=${CURRENT_VERSION}`);
    for (const link of ["v=1", "", "?", "#", "https://example.test/", "https://example.test/?v=1#"]) {
      const { input, warnings } = decodeScenario(link);
      expect(warnings, link).toEqual([]);
      expect(input, link).toEqual(DEFAULT_SCENARIO_INPUT);
    }
  });

  it("decodes into a fresh object each time", () => {
    const a = decodeScenario("v=1").input;
    (a as Obj).mode = "changed";
    expect(decodeScenario("v=1").input).toEqual(DEFAULT_SCENARIO_INPUT);
  });
});

describe("round trip", () => {
  it("gives back every preset scenario, with no warnings", () => {
    for (const model of MODEL_PRESETS) {
      for (const hw of HARDWARE_PRESETS) {
        const x = scenario({
          "model.preset": model.id,
          "hardware.preset": hw.id,
          "hardware.chips": hw.defaultChips,
          "workload.batch": 16,
        });
        const { input, warnings } = decodeScenario(encodeScenario(x));
        expect(warnings, `${model.id} on ${hw.id}`).toEqual([]);
        expect(prune(input)).toEqual(prune(x));
      }
    }
  });

  it("gives back every preset written out as a custom shape and spec", () => {
    for (const model of MODEL_PRESETS) {
      const hw = HARDWARE_PRESETS[0];
      const x = { ...clone(DEFAULT_SCENARIO_INPUT), model: clone(model.shape) } as ScenarioInput;
      if (hw) x.hardware = { ...clone(hw.spec), chips: hw.defaultChips };
      const link = encodeScenario(x);
      const { input, warnings } = decodeScenario(link);
      expect(warnings, model.id).toEqual([]);
      expect(prune(input)).toEqual(prune(x));
      expect(parseScenarioLink(encodeScenario(x, { compress: "never" })).input).toEqual(input);
    }
  });

  it("gives back any syntactically valid scenario, compressed or not", () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom("auto", "always", "never") as fc.Arbitrary<"auto" | "always" | "never">, (x, compress) => {
        const link = encodeScenario(x, { compress });
        const { input, warnings } = parseScenarioLink(link);
        expect(warnings).toEqual([]);
        expect(prune(input)).toEqual(prune(x));
        expect(encodeScenario(input, { compress })).toBe(link);
      }),
      { numRuns: 300 },
    );
  });

  it("writes keys in the table's order, v first, and only once each", () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        const keys = encodeScenario(x, { compress: "never" })
          .split("&")
          .map((p) => p.split("=")[0]);
        expect(keys[0]).toBe("v");
        const order = keys.slice(1).map((k) => SCHEMA.findIndex((r) => r.key === k));
        expect(order.every((i) => i >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(new Set(order).size).toBe(order.length);
      }),
      { numRuns: 100 },
    );
  });

  it("writes a short readable link for a preset scenario", () => {
    const x = scenario({ "model.preset": "llama-3.1-70b", "hardware.preset": "h100-sxm", "hardware.chips": 8, "workload.batch": 16 });
    const link = encodeScenario(x);
    expect(link).toMatch(/^v=1&m=llama-3\.1-70b&(hw=h100-sxm&)?n=8&b=16$/);
  });

  it("marks a field the default sets but the scenario leaves out with ~", () => {
    const custom = scenario({ "model.preset": undefined, "model.params": 7e9 });
    const link = encodeScenario(custom);
    expect(link).toContain("m=~");
    expect(link).toContain("p=7e9");
    expect(decodeScenario(link).input.model).toEqual(custom.model);
    // a name that is literally "~" is still a name
    const named = scenario({ "model.name": "~" });
    expect(parseScenarioLink(encodeScenario(named)).input.model?.name).toBe("~");
  });

  it("carries the reserved page keys through untouched", () => {
    const link = encodeScenario(DEFAULT_SCENARIO_INPUT, { reserved: { lesson: "kv-cache", step: "3", cmp: "v=1&b=8" } });
    expect(link).toBe("v=1&lesson=kv-cache&step=3&cmp=v%3D1%26b%3D8");
    const { reserved, warnings, input } = decodeScenario(link);
    expect(warnings).toEqual([]);
    expect(reserved).toEqual({ lesson: "kv-cache", step: "3", cmp: "v=1&b=8" });
    expect(input).toEqual(DEFAULT_SCENARIO_INPUT);
  });
});

describe("where the link comes from", () => {
  it("reads a full URL, a ?query, a #hash or a bare query alike", () => {
    const expected = scenario({ "workload.batch": 8 });
    for (const link of [
      "v=1&b=8",
      "?v=1&b=8",
      "#v=1&b=8",
      "#?v=1&b=8",
      "https://example.test/app/?v=1&b=8",
      "https://example.test/app/#v=1&b=8",
      "https://example.test/app/?b=4#v=1&b=8", // the hash is read last, so it wins
      "  v=1&b=8\n",
    ]) {
      const { input, warnings } = decodeScenario(link);
      expect(input, link).toEqual(expected);
      expect(warnings.filter((w) => !w.includes("more than once")), link).toEqual([]);
    }
  });

  it("splits pairs and decodes keys", () => {
    expect(splitLink("https://x.test/?a=1&&b=&c#d=2")).toEqual([
      { key: "a", raw: "1" },
      { key: "b", raw: "" },
      { key: "c", raw: "" },
      { key: "d", raw: "2" },
    ]);
    expect(splitLink("https://x.test/path")).toEqual([]);
  });
});

describe("malformed links", () => {
  const corpus: [link: string, field: string][] = [
    ["v=1&b=-1", "workload.batch"],
    ["v=1&b=abc", "workload.batch"],
    ["v=1&b=1.5", "workload.batch"],
    ["v=1&b=2000000", "workload.batch"],
    ["v=1&b=", "workload.batch"],
    ["v=1&b=%ZZ", "workload.batch"],
    ["v=1&p=2e13", "model.params"],
    ["v=1&n=0", "hardware.chips"],
    ["v=1&m=nonexistent", "model.preset"],
    ["v=1&hw=nonexistent", "hardware.preset"],
    ["v=1&at=sparse", "model.attention"],
    ["v=1&te=maybe", "model.tiedEmbeddings"],
    ["v=1&w=fp5", "precision.weights"],
    ["v=1&ec=1.5", "efficiency.compute"],
    ["v=1&mn=%E0%A4%A", "model.name"],
    ["v=1&b=8&b=9", "workload.batch"],
    ["v=99", "v"],
    ["v=abc", "v"],
    ["v=1&foo=bar", "foo"],
    ["v=1&z=", "z"],
    ["v=1&z=not-lz-data", "z"],
  ];

  it.each(corpus)("%s warns about %s", (link, field) => {
    const { input, warnings } = decodeScenario(link);
    expect(typeof input).toBe("object");
    expect(warnings.some((w) => w.startsWith(`${field}:`)), warnings.join(" | ")).toBe(true);
  });

  it("says what was ignored and what is used instead", () => {
    expect(warningsFor("v=1&b=abc")).toEqual([
      `workload.batch: must be a whole number from 1 to 1,000,000 sequences (got "abc"); ignored b=abc, using ${DEFAULT_SCENARIO_INPUT.workload.batch}`,
    ]);
    expect(warningsFor("v=1&m=nonexistent")).toEqual([
      `model.preset: unknown model preset (got "nonexistent"); ignored m=nonexistent, using ${DEFAULT_SCENARIO_INPUT.model.preset}`,
    ]);
    expect(warningsFor("v=1&foo=bar")).toEqual([`foo: unknown key; ignored foo=bar`]);
    expect(warningsFor("v=1&mn=%0Aa%0A%E0")).toEqual([`model.name: malformed percent-encoding; ignored mn=%0Aa%0A%E0`]);
    expect(warningsFor("v=1&b=%0Ax")[0]).toContain("(got \"\\nx\")");
  });

  it("keeps every valid field next to the invalid ones", () => {
    const { input, warnings } = decodeScenario("v=1&m=nonexistent&b=abc&pt=2048&foo=1&mo=ideal");
    expect(warnings).toHaveLength(3);
    expect(input).toEqual(scenario({ "workload.promptTokens": 2048, mode: "ideal" }));
  });

  it("reports what the core rejects, and falls back to the default for it", () => {
    // 64 KV heads is a valid count (the codec's check) but more than the model's 32 heads (the core's rule)
    const { input, warnings } = decodeScenario("v=1&kv=64&b=8");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^model\.kvHeads: must not exceed model\.heads/);
    expect(input).toEqual(scenario({ "workload.batch": 8 }));
    expect(parseScenarioLink("v=1&kv=64").input.model?.kvHeads).toBe(64);
    // the link refuses what the core's plausible ranges refuse, in the same words
    expect(decodeScenario("v=1&l=5000").warnings).toEqual([`model.layers: ${rangeMessage(PLAUSIBLE["model.layers"])} (got "5000"); ignored l=5000`]);
    // a parameter count next to a preset is ignored by the core, so the link says so
    expect(decodeScenario("v=1&p=7e9").warnings[0]).toMatch(/^model\.params: /);
    expect(decodeScenario("v=1&m=~&p=7e9")).toMatchObject({ warnings: [], input: { model: { params: 7e9 } } });
  });

  it("reads a link from a newer version as far as it can", () => {
    const { input, warnings, version } = decodeScenario("v=99&b=8&newkey=1");
    expect(version).toBe(99);
    expect(warnings[0]).toMatch(/^v: link version 99 is newer/);
    expect(warnings.some((w) => w.startsWith("newkey:"))).toBe(true);
    expect(input.workload?.batch).toBe(8);
  });

  it("detects a truncated compressed link", () => {
    const long = { ...clone(DEFAULT_SCENARIO_INPUT), model: clone(MODEL_PRESETS[MODEL_PRESETS.length - 1]?.shape) } as ScenarioInput;
    const link = encodeScenario(long, { compress: "always" });
    expect(link).toMatch(/^v=1&z=/);
    expect(parseScenarioLink(link).warnings).toEqual([]);
    let detected = 0;
    for (let cut = 1; cut < link.length - "v=1&z=".length; cut++) {
      const { input, warnings } = decodeScenario(link.slice(0, link.length - cut));
      // The last character or so may hold only padding: then the whole scenario is still there.
      if (warnings.length === 0) {
        expect(prune(input), `cut ${cut}`).toEqual(prune(long));
      } else {
        expect(warnings, `cut ${cut}`).toEqual([expect.stringMatching(/^z: the compressed scenario is damaged or truncated/)]);
        expect(input).toEqual(DEFAULT_SCENARIO_INPUT);
        detected++;
      }
    }
    expect(detected).toBeGreaterThanOrEqual(link.length - "v=1&z=".length - 3);
  });
});

describe("decoding never throws", () => {
  const check = (link: string) => {
    const r = decodeScenario(link);
    expect(typeof r.input).toBe("object");
    expect(r.input).not.toBeNull();
    expect(Array.isArray(r.warnings)).toBe(true);
    for (const w of r.warnings) expect(typeof w).toBe("string");
  };

  it("for any string", () => {
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), check), { numRuns: 300 });
  });

  it("for strings made of link characters", () => {
    const linkish = fc.string({ unit: fc.constantFrom(..."v=1&?#%~z.-e+0123456789abmnpwhk".split("")), maxLength: 60 });
    fc.assert(fc.property(linkish, check), { numRuns: 300 });
  });

  it("for mutated valid links", () => {
    const mutated = fc
      .tuple(anyInput, fc.constantFrom("auto", "always", "never") as fc.Arbitrary<"auto" | "always">, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 4 }))
      .map(([x, compress, edits]) => {
        let s = encodeScenario(x, { compress });
        for (const [at, kind, text] of edits) {
          const i = at % (s.length + 1);
          s = kind === 0 ? s.slice(0, i) + text + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : kind === 2 ? s.slice(0, i) : s.slice(0, i) + text + s.slice(i + text.length);
        }
        return s;
      });
    fc.assert(fc.property(mutated, check), { numRuns: 200 });
  });

  it("for values that are not strings at all", () => {
    for (const v of [undefined, null, 42, {}, [], Symbol("x")]) check(v as unknown as string);
  });
});

describe("migrations", () => {
  it("has a step for every older version, and none beyond the current one", () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(MIGRATIONS[v], `v${v}`).toBeTypeOf("function");
    for (const key of Object.keys(MIGRATIONS)) expect(Number(key)).toBeLessThan(CURRENT_VERSION);
  });
});

describe("encoding never throws", () => {
  it("for odd values in a scenario", () => {
    const odd = { model: { name: "\uD800 lone", layers: NaN, heads: {} }, workload: { batch: -1 }, mode: 3 } as unknown as ScenarioInput;
    const link = encodeScenario(odd);
    expect(link.startsWith("v=1&")).toBe(true);
    expect(decodeScenario(link).warnings.some((w) => w.startsWith("workload.batch:"))).toBe(true);
    expect(encodeScenario(null as unknown as ScenarioInput)).toMatch(/^v=1/);
  });
});

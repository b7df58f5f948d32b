/**
 * Reading a share link: its pairs (after `z=` is expanded and old versions migrated) applied on top
 * of DEFAULT_SCENARIO_INPUT field by field, each field's syntax and plausible range checked by
 * SCHEMA, then the core's cross-field rules (resolveScenario). Never throws: anything unreadable
 * becomes a warning naming the field's contract path and what was ignored. Pure; no DOM.
 */
import { DEFAULT_SCENARIO_INPUT } from "../../core/defaults";
import { HARDWARE_PRESETS } from "../../core/hardware/presets";
import { MODEL_PRESETS } from "../../core/model/presets";
import { resolveScenario } from "../../core/scenario";
import type { ScenarioInput } from "../../core/index";
import { CURRENT_VERSION, RESERVED_KEYS, ROW_BY_KEY, UNSET, VERSION_KEY, formatNumber, parseValue } from "./schema";
import type { FieldRow, FieldValue, ReservedKey } from "./schema";
import { expandCompressed } from "./compression";
import { MAX_LINK_CHARS, migrate, readVersion, splitLink, type LinkParam } from "./link";
import { clone, getPath, setPath, unsetPath, type Obj } from "./paths";
import { decodeComponent, show } from "./text";
import { Warnings } from "./warnings";

export interface DecodeResult {
  /** The scenario the link describes: DEFAULT_SCENARIO_INPUT with the link's fields applied. */
  input: ScenarioInput;
  /** One line per thing ignored, each starting with the field's contract path (or the key). */
  warnings: string[];
  /** Page state found in the link (lesson, step, cmp), passed through unread. */
  reserved: Partial<Record<ReservedKey, string>>;
  /** The link's format version as written (CURRENT_VERSION when absent or unreadable). */
  version: number;
}

export interface ReadOptions {
  /** Longest link read (default MAX_LINK_CHARS). */
  maxChars?: number;
}

const MODEL_IDS: ReadonlySet<string> = new Set(MODEL_PRESETS.map((p) => p.id));
const HARDWARE_IDS: ReadonlySet<string> = new Set(HARDWARE_PRESETS.map((p) => p.id));
const RESERVED: ReadonlySet<string> = new Set(RESERVED_KEYS);

function presetIds(row: FieldRow): ReadonlySet<string> {
  if (row.kind.type !== "preset") return new Set();
  return row.kind.block === "model" ? MODEL_IDS : HARDWARE_IDS;
}

function describeDefault(row: FieldRow): string {
  const fallback = getPath(DEFAULT_SCENARIO_INPUT, row.path);
  if (typeof fallback === "number") return `, using ${formatNumber(fallback)}`;
  if (typeof fallback === "boolean") return `, using ${fallback ? "1" : "0"}`;
  if (typeof fallback === "string") return `, using ${fallback}`;
  return "";
}

/** Per field: the value the link gives it (undefined = the link unsets it). */
type LinkFields = Map<FieldRow, FieldValue | undefined>;

function readFields(params: LinkParam[], warn: (w: string) => void, reserved: DecodeResult["reserved"]): LinkFields {
  const fields: LinkFields = new Map();
  const seen = new Set<string>();
  for (const { key, raw } of params) {
    if (key === VERSION_KEY) continue;
    if (RESERVED.has(key)) {
      reserved[key as ReservedKey] = decodeComponent(raw) ?? raw;
      continue;
    }
    const row = ROW_BY_KEY.get(key);
    if (row === undefined) {
      // quoted when blank, odd or long, so the message still names it on one short line
      const named = /^[\w.~-]{1,40}$/.test(key) ? key : `"${show(key)}"`;
      warn(`${named}: unknown key; ignored ${show(key)}=${show(raw)}`);
      continue;
    }
    if (seen.has(key)) warn(`${row.path}: given more than once (${key}=); the last one is used`);
    seen.add(key);
    if (raw === UNSET) {
      fields.set(row, undefined);
      continue;
    }
    const text = decodeComponent(row.kind.type === "text" ? raw.replace(/\+/g, " ") : raw);
    if (text === undefined) {
      warn(`${row.path}: malformed percent-encoding; ignored ${key}=${show(raw)}${describeDefault(row)}`);
      fields.delete(row);
      continue;
    }
    const parsed = parseValue(row, text, presetIds(row));
    if (parsed.ok) {
      fields.set(row, parsed.value);
    } else {
      warn(`${row.path}: ${parsed.problem} (got "${show(text)}"); ignored ${key}=${show(raw)}${describeDefault(row)}`);
      fields.delete(row);
    }
  }
  return fields;
}

function buildInput(fields: LinkFields): ScenarioInput {
  const input = clone(DEFAULT_SCENARIO_INPUT) as Obj;
  for (const [row, value] of fields) {
    if (value === undefined) unsetPath(input, row.path);
    else setPath(input, row.path, value);
  }
  return input as ScenarioInput;
}

interface Parsed {
  result: Omit<DecodeResult, "warnings">;
  fields: LinkFields;
  warnings: Warnings;
}

function parseLink(link: string, options: ReadOptions = {}): Parsed {
  const warnings = new Warnings();
  const warn = warnings.add;
  const reserved: DecodeResult["reserved"] = {};
  const maxChars = options.maxChars ?? MAX_LINK_CHARS;
  try {
    const text = typeof link === "string" ? link : "";
    if (text.length > maxChars) {
      warn(`link: ${text.length.toLocaleString("en-US")} characters, longer than the ${maxChars.toLocaleString("en-US")} a link of this page can be; not read, using the default scenario`);
      return { result: { input: clone(DEFAULT_SCENARIO_INPUT), reserved, version: CURRENT_VERSION }, fields: new Map(), warnings };
    }
    const params = splitLink(text);
    const version = readVersion(params, warn);
    const expanded = migrate(expandCompressed(params, warn), Math.min(version, CURRENT_VERSION), warn);
    const fields = readFields(expanded, warn, reserved);
    return { result: { input: buildInput(fields), reserved, version }, fields, warnings };
  } catch (e) {
    // Unreachable by design; a defect here must still never take the page down.
    warn(`link: could not be read (${e instanceof Error ? e.message : String(e)}); using the default scenario`);
    const input = clone(DEFAULT_SCENARIO_INPUT);
    return { result: { input, reserved, version: CURRENT_VERSION }, fields: new Map(), warnings };
  }
}

/**
 * Reads a link's syntax only: DEFAULT_SCENARIO_INPUT with every readable field of the link
 * applied, and a warning for everything else. Never throws. decodeScenario adds the core's checks.
 */
export function parseScenarioLink(link: string, options: ReadOptions = {}): DecodeResult {
  const { result, warnings } = parseLink(link, options);
  return { ...result, warnings: warnings.list() };
}

/**
 * A share link (full URL, `?query`, `#hash` or bare query) → the scenario it describes, and one
 * warning per thing ignored. Never throws. Fields the core rejects (resolveScenario's issues) are
 * reported and fall back to the default, so `input` resolves without issues caused by the link.
 */
export function decodeScenario(link: string, options: ReadOptions = {}): DecodeResult {
  const { result, fields, warnings } = parseLink(link, options);
  const warn = warnings.add;
  try {
    let input = result.input;
    // A field the core rejects falls back to the default; that can expose another rejected
    // field (a cross-field rule), so check again, a few times at most.
    for (let pass = 0; pass < 4; pass++) {
      const { issues } = resolveScenario(input);
      let reverted = false;
      for (const issue of issues) {
        warn(`${issue.path}: ${issue.message}`);
        for (const row of [...fields.keys()]) {
          if (issue.path === "" || row.path === issue.path || row.path.startsWith(`${issue.path}.`)) {
            fields.delete(row);
            reverted = true;
          }
        }
      }
      if (!reverted) break;
      input = buildInput(fields);
    }
    return { ...result, input, warnings: warnings.list() };
  } catch (e) {
    warn(`scenario: could not be checked (${e instanceof Error ? e.message : String(e)})`);
    return { ...result, warnings: warnings.list() };
  }
}

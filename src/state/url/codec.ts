/**
 * Share links: a ScenarioInput ↔ a compact query string (`v=1&m=llama-3.1-70b&n=8&b=16`).
 *
 * The link is a versioned file format (shared/STYLE.md, principle 3):
 * - every key is a row of SCHEMA (schema.ts); keys are written in the table's order;
 * - a field equal to DEFAULT_SCENARIO_INPUT's value is left out, so the default scenario is
 *   `v=1`, and decoding starts from DEFAULT_SCENARIO_INPUT and applies the link on top;
 * - a field that the default sets but the scenario leaves out is written `key=~` (for example
 *   `m=~`: a custom model with no preset), so decode(encode(x)) gives back exactly x;
 * - decoding never throws: anything it cannot read becomes a warning naming the field's contract
 *   path and what was ignored, and every readable field is kept;
 * - the codec checks syntax and the core's plausible ranges (core/limits.ts, the same words);
 *   the core's resolveScenario still owns the cross-field rules, and its issues become warnings
 *   too (the offending fields fall back to the default);
 * - decoding is linear in the link's length: at most MAX_WARNINGS warnings are listed, then one
 *   line counting the rest; a link longer than MAX_LINK_CHARS is refused with a message;
 * - long links may be compressed into one `z=` key (lz-string), decoded the same way;
 * - old links are brought up to date by MIGRATIONS before they are read.
 *
 * Pure: imports only the core's public surface and lz-string; no DOM (tsconfig.core.json).
 */
import LZString from "lz-string";
import { DEFAULT_SCENARIO_INPUT } from "../../core/defaults";
import { HARDWARE_PRESETS } from "../../core/hardware/presets";
import { MODEL_PRESETS } from "../../core/model/presets";
import { resolveScenario } from "../../core/scenario";
import type { ScenarioInput } from "../../core/index";
import {
  COMPRESSED_KEY,
  CURRENT_VERSION,
  RESERVED_KEYS,
  ROW_BY_KEY,
  SCHEMA,
  UNSET,
  VERSION_KEY,
  formatNumber,
  formatValue,
  parseValue,
} from "./schema";
import type { FieldRow, FieldValue, ReservedKey } from "./schema";

/** One `key=value` pair of a link, value still percent-encoded. */
export interface LinkParam {
  key: string;
  raw: string;
}

/** Upgrades the parameters of a version-n link to version n + 1 (keys renamed, values rescaled). */
export type Migration = (params: LinkParam[], warn: (warning: string) => void) => LinkParam[];

/**
 * MIGRATIONS[n] turns a version-n link into a version-(n + 1) link. Version 1 is the only
 * version so far, so the table is empty. When a change would make an old link read differently,
 * bump CURRENT_VERSION to 2 and add MIGRATIONS[1]; decode then runs every step from the link's
 * version up to the current one before reading it. For example, if v2 measured `pt` in
 * kilotokens and renamed `b` to `bs`:
 *
 *   1: (params) => params.map((p) =>
 *        p.key === "b" ? { ...p, key: "bs" }
 *        : p.key === "pt" ? { ...p, raw: String(Number(p.raw) / 1000) }
 *        : p),
 *
 * Keys are never reused for another meaning, so a migration only ever renames or rescales.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface EncodeOptions {
  /** Page state carried alongside the scenario (lesson, step, cmp); written last, uncompressed. */
  reserved?: Partial<Record<ReservedKey, string>>;
  /** "auto" (default): compress into `z=` when the link is long and compression shortens it. */
  compress?: "auto" | "always" | "never";
}

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

/**
 * Longest link read, in characters. The longest link the page itself can write (every field set,
 * both names 200 characters of non-Latin text, a compared scenario A) is under 12,000 characters
 * (codec.test.ts checks); anything longer is not a link this page made, and is refused with a
 * message rather than read for seconds.
 */
export const MAX_LINK_CHARS = 32_000;
/** Longest compressed payload read: a whole scenario compresses to well under 4,000 characters. */
export const MAX_COMPRESSED_CHARS = 8_000;
/** Most warnings listed for one link; the rest are counted in one last line. */
export const MAX_WARNINGS = 30;

/**
 * The warnings of one decode: each listed once (a Set, so a link with thousands of bad keys is
 * read in linear time), at most MAX_WARNINGS of them, then one line counting the rest.
 */
class Warnings {
  private readonly seen = new Set<string>();
  private readonly listed: string[] = [];
  private more = 0;
  readonly add = (w: string): void => {
    if (this.seen.has(w)) return;
    this.seen.add(w);
    if (this.listed.length < MAX_WARNINGS) this.listed.push(w);
    else this.more++;
  };
  list(): string[] {
    return this.more > 0 ? [...this.listed, `link: ${this.more.toLocaleString("en-US")} more problems not listed`] : [...this.listed];
  }
}

/** Links longer than this (characters after `v=1&`) are compressed when that makes them shorter. */
const COMPRESS_ABOVE = 300;
/** Appended inside a compressed payload so a truncated `z=` is detected, not half-read. */
const END_MARK = "&.";

const MODEL_IDS: ReadonlySet<string> = new Set(MODEL_PRESETS.map((p) => p.id));
const HARDWARE_IDS: ReadonlySet<string> = new Set(HARDWARE_PRESETS.map((p) => p.id));
const RESERVED: ReadonlySet<string> = new Set(RESERVED_KEYS);

function presetIds(row: FieldRow): ReadonlySet<string> {
  if (row.kind.type !== "preset") return new Set();
  return row.kind.block === "model" ? MODEL_IDS : HARDWARE_IDS;
}

// ---------------------------------------------------------------------------------------------
// Plain-object paths.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function getPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split(".")) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setPath(root: Obj, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = root;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (!isObj(next)) cur[part] = {};
    cur = cur[part] as Obj;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** Removes a field, then any object that this leaves empty. */
function unsetPath(root: Obj, path: string): void {
  const parts = path.split(".");
  const chain: Obj[] = [root];
  for (const part of parts.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[part];
    if (!isObj(next)) return;
    chain.push(next);
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const holder = chain[i] as Obj;
    const child = parts[i] as string;
    if (i === parts.length - 1 || (isObj(holder[child]) && Object.keys(holder[child] as Obj).length === 0)) {
      delete holder[child];
    } else break;
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------------
// Encode.

/** Percent-encodes a value; a lone surrogate (not encodable) becomes U+FFFD rather than throwing. */
function encodeText(s: string): string {
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replace(/%3A/g, ":").replace(/~/g, "%7E");
}

/** The scenario's fields as `key=value` pairs, defaults left out, in table order. */
function encodeBody(input: ScenarioInput): string[] {
  const pairs: string[] = [];
  for (const row of SCHEMA) {
    const value = getPath(input, row.path);
    const fallback = getPath(DEFAULT_SCENARIO_INPUT, row.path);
    if (value === undefined || value === null) {
      if (fallback !== undefined) pairs.push(`${row.key}=${UNSET}`);
    } else if (value !== fallback && ["number", "string", "boolean"].includes(typeof value)) {
      pairs.push(`${row.key}=${encodeText(formatValue(row, value as FieldValue))}`);
    }
  }
  return pairs;
}

/**
 * A scenario as a share-link query string (no leading `?`), starting with `v=1`. Fields equal to
 * DEFAULT_SCENARIO_INPUT's are left out; the default scenario is exactly `v=1`. Never throws.
 */
export function encodeScenario(input: ScenarioInput, options: EncodeOptions = {}): string {
  const body = encodeBody(isObj(input) ? input : {});
  let parts = [`${VERSION_KEY}=${CURRENT_VERSION}`];
  const plain = body.join("&");
  const mode = options.compress ?? "auto";
  if (body.length > 0 && mode !== "never") {
    const z = `${COMPRESSED_KEY}=${LZString.compressToEncodedURIComponent(plain + END_MARK)}`;
    const worth = mode === "always" || (plain.length > COMPRESS_ABOVE && z.length < plain.length);
    parts.push(worth ? z : plain);
  } else if (body.length > 0) {
    parts.push(plain);
  }
  for (const key of RESERVED_KEYS) {
    const value = options.reserved?.[key];
    if (value !== undefined) parts = [...parts, `${key}=${encodeText(value)}`];
  }
  return parts.join("&");
}

// ---------------------------------------------------------------------------------------------
// Decode.

/** Shows a user-supplied value inside a warning: on one line, control characters escaped, cut short. */
function show(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  // JSON escapes C0 controls; DEL, C1 controls and line separators are escaped here too
  return JSON.stringify(cut)
    .slice(1, -1)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function decodeComponent(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The `key=value` pairs of a full URL, a `?query`, a `#hash` or a bare query (hash last). */
export function splitLink(link: string): LinkParam[] {
  const s = link.trim();
  const hashAt = s.indexOf("#");
  const beforeHash = hashAt >= 0 ? s.slice(0, hashAt) : s;
  const hash = hashAt >= 0 ? s.slice(hashAt + 1).replace(/^[/!]*\??/, "") : "";
  const queryAt = beforeHash.indexOf("?");
  const looksLikeAddress = /^[a-z][a-z0-9+.-]*:/i.test(beforeHash) || beforeHash.startsWith("/");
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : looksLikeAddress ? "" : beforeHash;
  const params: LinkParam[] = [];
  for (const segment of [...query.split("&"), ...hash.split("&")]) {
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const rawKey = eq >= 0 ? segment.slice(0, eq) : segment;
    params.push({ key: decodeComponent(rawKey) ?? rawKey, raw: eq >= 0 ? segment.slice(eq + 1) : "" });
  }
  return params;
}

function readVersion(params: LinkParam[], warn: (w: string) => void): number {
  const found = params.filter((p) => p.key === VERSION_KEY);
  const last = found[found.length - 1];
  if (last === undefined) return CURRENT_VERSION;
  const text = decodeComponent(last.raw) ?? last.raw;
  const v = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(v >= 1)) {
    warn(`${VERSION_KEY}: not a link version (got "${show(text)}"); read as version ${CURRENT_VERSION}`);
    return CURRENT_VERSION;
  }
  if (v > CURRENT_VERSION) {
    warn(
      `${VERSION_KEY}: link version ${v} is newer than this page reads (${CURRENT_VERSION}); ` +
        `read as version ${CURRENT_VERSION}, keys it does not know ignored`,
    );
  }
  return v;
}

function decompress(payload: string): string | null {
  try {
    return LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    return null;
  }
}

/** Replaces a `z=` parameter by the parameters it holds (they come first, so plain keys win). */
function expandCompressed(params: LinkParam[], warn: (w: string) => void): LinkParam[] {
  const inner: LinkParam[] = [];
  const outer: LinkParam[] = [];
  for (const p of params) {
    if (p.key !== COMPRESSED_KEY) {
      outer.push(p);
      continue;
    }
    if (p.raw.length > MAX_COMPRESSED_CHARS) {
      warn(`${COMPRESSED_KEY}: the compressed scenario is longer than ${MAX_COMPRESSED_CHARS.toLocaleString("en-US")} characters (got ${p.raw.length.toLocaleString("en-US")}); ignored`);
      continue;
    }
    const text = decompress(decodeComponent(p.raw) ?? p.raw);
    if (typeof text === "string" && text.length > MAX_LINK_CHARS) {
      warn(`${COMPRESSED_KEY}: the compressed scenario expands beyond ${MAX_LINK_CHARS.toLocaleString("en-US")} characters; ignored`);
      continue;
    }
    if (typeof text !== "string" || !text.endsWith(END_MARK) || /[^\x21-\x7e]/.test(text)) {
      warn(`${COMPRESSED_KEY}: the compressed scenario is damaged or truncated; ignored ${COMPRESSED_KEY}=${show(p.raw)}`);
      continue;
    }
    for (const q of splitLink(text.slice(0, -END_MARK.length))) {
      if (q.key === COMPRESSED_KEY || q.key === VERSION_KEY) continue;
      inner.push(q);
    }
  }
  return [...inner, ...outer];
}

function migrate(params: LinkParam[], from: number, warn: (w: string) => void): LinkParam[] {
  let out = params;
  for (let v = from; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) out = step(out, warn);
  }
  return out;
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

export interface ReadOptions {
  /** Longest link read (default MAX_LINK_CHARS). */
  maxChars?: number;
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

/** Longest `cmp=` value read (characters): half the longest link; a scenario's own query is far shorter. */
export const MAX_COMPARE_CHARS = MAX_LINK_CHARS / 2;

/**
 * A link carrying an A/B comparison: B (the page's scenario) as usual, and the pinned scenario A as
 * its own encoded query in the reserved `cmp` key (`…&cmp=v%3D1%26w%3Dint4`). A null A writes a
 * plain link. Never throws.
 */
export function encodeComparison(b: ScenarioInput, a: ScenarioInput | null, options: EncodeOptions = {}): string {
  const reserved = { ...options.reserved };
  if (a) reserved.cmp = encodeScenario(a, { compress: options.compress });
  else delete reserved.cmp;
  return encodeScenario(b, { ...options, reserved });
}

export interface ComparisonResult {
  /** The page's scenario (B) with its warnings; `reserved.cmp` is the raw A query. */
  b: DecodeResult;
  /** Scenario A when the link carries `cmp`, its warnings prefixed "cmp: "; else null. */
  a: DecodeResult | null;
}

/** Reads both scenarios of a comparison link (B, and A from `cmp`); a damaged A is reported, never thrown. */
export function decodeComparison(link: string): ComparisonResult {
  const b = decodeScenario(link);
  const raw = b.reserved.cmp;
  if (raw === undefined || raw.trim() === "") return { b, a: null };
  if (raw.length > MAX_COMPARE_CHARS) {
    return { b: { ...b, warnings: [...b.warnings, `cmp: longer than ${MAX_COMPARE_CHARS} characters; scenario A ignored`] }, a: null };
  }
  const inner = decodeScenario(raw);
  const own: string[] = [];
  for (const key of RESERVED_KEYS) {
    const value = inner.reserved[key];
    if (value === undefined) continue;
    own.push(
      key === "cmp"
        ? `cmp: a compared scenario cannot carry its own cmp (got cmp=${show(value)}); ignored`
        : `cmp: ${key}= inside the compared scenario is not read; ignored ${key}=${show(value)}`,
    );
  }
  return { b, a: { ...inner, reserved: {}, warnings: [...inner.warnings.map((w) => `cmp: ${w}`), ...own] } };
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

/**
 * Saved scenarios: named, kept in the browser's storage, one storage key per scenario so that one
 * damaged entry never hides the others. A scenario is stored as its share-link query (the codec's
 * versioned format), so old saves are read by the same migrations as old links, and opening one
 * reports what could not be used exactly as a link does.
 *
 * Storage is passed in (localStorage on the page, a Map-backed fake in tests); nothing here
 * throws: unreadable, foreign or future entries are skipped with a message naming the entry.
 */
import * as z from "zod/mini";
import type { ScenarioInput } from "../core";
import { check } from "../core/fields";
import { decodeComparison, encodeScenario } from "./url/codec";

/** Storage keys of saved scenarios start with this; other keys on the origin are left alone. */
export const SAVED_PREFIX = "ice:saved:";
/** The `format` of one saved scenario and of an export file. */
export const ENTRY_FORMAT = "inference-cost-explorer/scenario";
export const FILE_FORMAT = "inference-cost-explorer/scenarios";
export const SAVED_VERSION = 1;
/** Most scenarios kept or imported at once. */
export const MAX_SAVED = 500;

export interface SavedScenario {
  format: typeof ENTRY_FORMAT;
  version: typeof SAVED_VERSION;
  id: string;
  name: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  /** The scenario (B) as a share-link query, e.g. "v=1&m=llama-3.1-70b&n=4". */
  link: string;
  /** The pinned scenario A of a comparison, as a query; absent when not comparing. */
  compare?: string;
}

/** A name inside a message: quoted, cut to 60 characters, control characters escaped. */
const quoted = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);

export type SavedStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const text = (max: number) => z.string({ error: "must be text" }).check(z.maxLength(max, { error: `must be at most ${max} characters` }));
// Strict: a field this tool does not write is an error naming it, never silently dropped.
const entrySchema = z.strictObject({
  format: z.literal(ENTRY_FORMAT, { error: `must be "${ENTRY_FORMAT}"` }),
  version: z.literal(SAVED_VERSION, { error: `must be ${SAVED_VERSION}` }),
  id: text(100).check(z.minLength(1, { error: "must not be empty" })),
  name: text(200),
  savedAt: text(40),
  link: text(8000),
  compare: z.optional(text(8000)),
});

const fileSchema = z.strictObject({
  format: z.literal(FILE_FORMAT, { error: `must be "${FILE_FORMAT}"` }),
  version: z.literal(SAVED_VERSION, { error: `must be ${SAVED_VERSION}` }),
  exportedAt: z.optional(text(40)),
  scenarios: z.array(z.unknown(), { error: "must be a list" }),
});

/** A field path in quotes (an odd key comes quoted already). */
const fieldName = (path: string) => (path.startsWith('"') ? path : `"${path}"`);

/** One short line naming the first problem of a candidate entry (zod issue path + message). */
function firstProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "is not an object";
  const v = value as Record<string, unknown>;
  if (v.format !== ENTRY_FORMAT) return `is not a saved scenario of this tool (format ${typeof v.format === "string" ? JSON.stringify(v.format.slice(0, 60)) : "missing"})`;
  if (typeof v.version === "number" && v.version > SAVED_VERSION) return `was saved by a newer version of this tool (version ${v.version})`;
  const issue = check(entrySchema, value, "").issues[0];
  if (!issue) return null;
  const field = fieldName(issue.path);
  return issue.message.startsWith("unknown field") ? `field ${field}: ${issue.message}` : `field ${field} ${issue.message.replace(/ \(got .*\)$/, "")}`;
}

function clean(value: unknown): SavedScenario | string {
  const problem = firstProblem(value);
  if (problem) return problem;
  const r = entrySchema.safeParse(value);
  return r.success ? (r.data as SavedScenario) : "is malformed";
}

const newest = (a: SavedScenario, b: SavedScenario) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.name.localeCompare(b.name));

export interface SavedList<T extends SavedScenario = SavedScenario> {
  entries: T[];
  /** One line per entry skipped, naming its storage key. */
  problems: string[];
}

/** A saved scenario as found in storage, with the key it is stored under (which may differ from its id). */
export type StoredScenario = SavedScenario & { storageKey: string };

/** Every saved scenario in storage, newest first; broken or foreign entries are reported and skipped. */
export function listSaved(storage: SavedStorage | null): SavedList<StoredScenario> {
  const entries: StoredScenario[] = [];
  const problems: string[] = [];
  if (!storage) return { entries, problems: ["Saved scenarios: this browser does not allow storage here; nothing can be kept"] };
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k.startsWith(SAVED_PREFIX)) keys.push(k);
    }
    for (const key of keys) {
      const raw = storage.getItem(key);
      let value: unknown;
      try {
        value = JSON.parse(raw ?? "");
      } catch {
        problems.push(`Saved entry ${JSON.stringify(key.slice(0, 80))}: not valid JSON; skipped`);
        continue;
      }
      const entry = clean(value);
      if (typeof entry === "string") problems.push(`Saved entry ${JSON.stringify(key.slice(0, 80))}: ${entry}; skipped`);
      else entries.push({ ...entry, storageKey: key });
    }
  } catch (e) {
    problems.push(`Saved scenarios: storage could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  return { entries: entries.sort(newest), problems };
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Writes one entry; returns an error message instead of throwing (quota, private mode). */
export function writeSaved(storage: SavedStorage | null, entry: SavedScenario): string | null {
  if (!storage) return "Saved scenarios: this browser does not allow storage here";
  try {
    storage.setItem(SAVED_PREFIX + entry.id, JSON.stringify(entry));
    return null;
  } catch (e) {
    return `Could not save ${quoted(entry.name)}: ${e instanceof Error ? e.message : String(e)} (storage full or blocked)`;
  }
}

/** A new saved scenario for the page's input (and the pinned A of a comparison, if any). */
export function makeSaved(name: string, input: ScenarioInput, compare: ScenarioInput | null, now: Date = new Date()): SavedScenario {
  const entry: SavedScenario = {
    format: ENTRY_FORMAT,
    version: SAVED_VERSION,
    id: newId(),
    name: name.trim().slice(0, 200) || "Untitled scenario",
    savedAt: now.toISOString(),
    link: encodeScenario(input),
  };
  if (compare) entry.compare = encodeScenario(compare);
  return entry;
}

/** Removes a saved scenario by the key it is stored under (an entry edited by hand may carry another id). */
export function deleteSaved(storage: SavedStorage | null, entry: Pick<StoredScenario, "storageKey">): void {
  try {
    storage?.removeItem(entry.storageKey);
  } catch {
    /* nothing to do: the list is re-read afterwards */
  }
}

const sameScenario = (a: SavedScenario, b: SavedScenario) => a.name === b.name && a.link === b.link && (a.compare ?? "") === (b.compare ?? "");

/**
 * Writes imported entries. An entry whose id is already taken by a different scenario is kept
 * alongside it under a new id (the user's own entry is never replaced); one identical to what is
 * stored is not written twice. Failed writes (storage full) are one line with a count. Never throws.
 */
export function importSaved(storage: SavedStorage | null, entries: SavedScenario[]): { imported: number; problems: string[] } {
  const problems: string[] = [];
  let imported = 0;
  let duplicates = 0;
  let renamed = 0;
  const failed: { name: string; why: string; reason: string }[] = [];
  for (const entry of entries) {
    let existing: unknown;
    try {
      const raw = storage?.getItem(SAVED_PREFIX + entry.id);
      existing = raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      existing = {}; // unreadable: taken all the same
    }
    let toWrite = entry;
    if (existing !== null) {
      const stored = clean(existing);
      if (typeof stored !== "string" && sameScenario(stored, entry)) {
        duplicates++;
        continue;
      }
      toWrite = { ...entry, id: newId() };
      renamed++;
    }
    const err = writeSaved(storage, toWrite);
    if (err) failed.push({ name: entry.name, why: err, reason: err.slice(`Could not save ${quoted(entry.name)}: `.length) });
    else imported++;
  }
  if (duplicates) problems.push(`Import: ${duplicates} scenario${duplicates === 1 ? " was" : "s were"} already saved here; not saved twice`);
  if (renamed) problems.push(`Import: ${renamed} scenario${renamed === 1 ? "" : "s"} had the id of a different saved scenario; kept both`);
  if (failed.length === 1) problems.push(failed[0]!.why);
  else if (failed.length > 1) problems.push(`Could not save ${failed.length} scenarios (${quoted(failed[0]!.name)} and ${failed.length - 1} more): ${failed[0]!.reason}`);
  return { imported, problems };
}

export interface OpenedScenario {
  input: ScenarioInput;
  compare: ScenarioInput | null;
  /** What could not be used, each naming its field (as for a link). */
  warnings: string[];
}

/** The scenario (and pinned A) a saved entry describes, decoded like a share link. Never throws. */
export function openSaved(entry: SavedScenario): OpenedScenario {
  const link = entry.compare ? `${entry.link}&cmp=${encodeURIComponent(entry.compare)}` : entry.link;
  const { a, b } = decodeComparison(link);
  return { input: b.input, compare: a ? a.input : null, warnings: [...b.warnings, ...(a?.warnings ?? [])] };
}

/** An export file: every entry given, as pretty JSON. */
export function exportSavedFile(entries: SavedScenario[], now: Date = new Date()): string {
  // only the entry's own fields: not where this browser happened to store it (storageKey)
  const scenarios = entries.map(({ format, version, id, name, savedAt, link, compare }) => ({ format, version, id, name, savedAt, link, ...(compare !== undefined ? { compare } : {}) }));
  return `${JSON.stringify({ format: FILE_FORMAT, version: SAVED_VERSION, exportedAt: now.toISOString(), scenarios }, null, 2)}\n`;
}

/**
 * Reads an export file (or a single entry, or an array of entries). Each bad entry is reported by
 * its position and skipped; the good ones are returned. Never throws.
 */
export function parseSavedFile(textIn: unknown): SavedList {
  const problems: string[] = [];
  if (typeof textIn !== "string") return { entries: [], problems: ["Import: the file could not be read as text"] };
  if (textIn.length > 5_000_000) return { entries: [], problems: ["Import: the file is larger than 5 MB; not a scenarios export"] };
  let root: unknown;
  try {
    root = JSON.parse(textIn.replace(/^\uFEFF/, "")); // a UTF-8 byte-order mark is not an error
  } catch (e) {
    return { entries: [], problems: [`Import: not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : "syntax error"})`] };
  }
  let list: unknown[];
  if (Array.isArray(root)) list = root;
  else if (typeof root === "object" && root !== null && (root as Record<string, unknown>).format === FILE_FORMAT) {
    const r = root as Record<string, unknown>;
    if (typeof r.version === "number" && r.version > SAVED_VERSION) return { entries: [], problems: [`Import: the file was written by a newer version of this tool (version ${r.version})`] };
    const issue = check(fileSchema, root, "").issues[0];
    if (issue) return { entries: [], problems: [`Import: field ${fieldName(issue.path)}: ${issue.message}`] };
    list = r.scenarios as unknown[];
  } else if (typeof root === "object" && root !== null && (root as Record<string, unknown>).format === ENTRY_FORMAT) list = [root];
  else return { entries: [], problems: [`Import: not a scenarios export of this tool (expected "format": "${FILE_FORMAT}")`] };
  const entries: SavedScenario[] = [];
  list.slice(0, MAX_SAVED).forEach((item, i) => {
    const entry = clean(item);
    const label = typeof item === "object" && item !== null && typeof (item as Record<string, unknown>).name === "string" ? ` (${quoted(String((item as Record<string, unknown>).name))})` : "";
    if (typeof entry === "string") problems.push(`Import: scenario ${i + 1}${label} ${entry}; skipped`);
    else entries.push(entry);
  });
  if (list.length > MAX_SAVED) problems.push(`Import: only the first ${MAX_SAVED} of ${list.length} scenarios were read`);
  return { entries, problems };
}

/**
 * Writing a share link: a scenario's fields that differ from DEFAULT_SCENARIO_INPUT as
 * `key=value` pairs in SCHEMA's order, compressed into `z=` when long, then the page's reserved
 * keys. Never throws. Pure; no DOM.
 */
import { DEFAULT_SCENARIO_INPUT } from "../../core/defaults";
import type { ScenarioInput } from "../../core/index";
import { CURRENT_VERSION, RESERVED_KEYS, SCHEMA, UNSET, VERSION_KEY, formatValue } from "./schema";
import type { FieldValue, ReservedKey } from "./schema";
import { COMPRESS_ABOVE, compressedPair } from "./compression";
import { getPath, isObj } from "./paths";
import { encodeText } from "./text";

export interface EncodeOptions {
  /** Page state carried alongside the scenario (lesson, step, cmp); written last, uncompressed. */
  reserved?: Partial<Record<ReservedKey, string>>;
  /** "auto" (default): compress into `z=` when the link is long and compression shortens it. */
  compress?: "auto" | "always" | "never";
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
    const z = compressedPair(plain);
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

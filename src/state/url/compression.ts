/**
 * Compressed links: a long link's scenario fields packed into one `z=` key (lz-string), and read
 * back into the pairs they hold. A payload ends with END_MARK so a truncated `z=` is detected, not
 * half-read. Pure: lz-string only; no DOM.
 */
import LZString from "lz-string";
import { COMPRESSED_KEY, VERSION_KEY } from "./schema";
import { MAX_LINK_CHARS, splitLink, type LinkParam } from "./link";
import { decodeComponent, show } from "./text";

/** Links longer than this (characters after `v=1&`) are compressed when that makes them shorter. */
export const COMPRESS_ABOVE = 300;
/** Longest compressed payload read: a whole scenario compresses to well under 4,000 characters. */
export const MAX_COMPRESSED_CHARS = 8_000;
/** Appended inside a compressed payload so a truncated `z=` is detected, not half-read. */
const END_MARK = "&.";

/** The `z=` pair holding these `key=value` pairs (joined by `&`), compressed. */
export function compressedPair(plain: string): string {
  return `${COMPRESSED_KEY}=${LZString.compressToEncodedURIComponent(plain + END_MARK)}`;
}

function decompress(payload: string): string | null {
  try {
    return LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    return null;
  }
}

/** Replaces a `z=` parameter by the parameters it holds (they come first, so plain keys win). */
export function expandCompressed(params: LinkParam[], warn: (w: string) => void): LinkParam[] {
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

/**
 * A link's syntax and version: the `key=value` pairs of a URL, query or hash, the `v=` version
 * they are written in, and MIGRATIONS that bring an old link's pairs up to date before they are
 * read. Pure; no DOM.
 */
import { CURRENT_VERSION, VERSION_KEY } from "./schema";
import { decodeComponent, show } from "./text";

/** One `key=value` pair of a link, value still percent-encoded. */
export interface LinkParam {
  key: string;
  raw: string;
}

/**
 * Longest link read, in characters. The longest link the page itself can write (every field set,
 * both names 200 characters of non-Latin text, a compared scenario A) is under 12,000 characters
 * (codec.test.ts checks); anything longer is not a link this page made, and is refused with a
 * message rather than read for seconds.
 */
export const MAX_LINK_CHARS = 32_000;

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

/** The link's format version as written (the last `v=`); CURRENT_VERSION, with a warning, when unreadable. */
export function readVersion(params: LinkParam[], warn: (w: string) => void): number {
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

/** Runs every migration step from version `from` up to CURRENT_VERSION. */
export function migrate(params: LinkParam[], from: number, warn: (w: string) => void): LinkParam[] {
  let out = params;
  for (let v = from; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) out = step(out, warn);
  }
  return out;
}

/**
 * The link a page's address carries: the query, and a `#…` that carries link fields (`#v=1&b=8`,
 * not an anchor like `#top`) read after it, so it wins a key given in both. Pure: the page
 * (state/sync.ts) and the cost worker, which reads the first scenario from the address before
 * React has loaded (worker/first.ts), read the address through this one function.
 */

/** Whether a location's `#…` carries link fields (`#v=1&b=8`), not just an anchor (`#top`). */
export function hashIsLink(hash: string): boolean {
  return hash.includes("=");
}

/** `?query#fields` for the codec, or null when the address carries no link. */
export function linkOfLocation(search: string, hash = ""): string | null {
  const query = search.startsWith("?") ? search.slice(1) : search;
  const fragment = hashIsLink(hash) ? hash : "";
  if (!query && !fragment) return null;
  return `?${query}${fragment}`;
}

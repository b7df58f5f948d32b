/**
 * Text in and out of a link: percent-encoding a value, decoding one without throwing, and showing
 * a user-supplied value inside a warning. Pure; no DOM.
 */

/** Percent-encodes a value; a lone surrogate (not encodable) becomes U+FFFD rather than throwing. */
export function encodeText(s: string): string {
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replace(/%3A/g, ":").replace(/~/g, "%7E");
}

/** decodeURIComponent, or undefined for malformed percent-encoding. */
export function decodeComponent(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Shows a user-supplied value inside a warning: on one line, control characters escaped, cut short. */
export function show(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  // JSON escapes C0 controls; DEL, C1 controls and line separators are escaped here too
  return JSON.stringify(cut)
    .slice(1, -1)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

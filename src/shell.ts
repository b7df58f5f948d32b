/**
 * The static shell in index.html: the header and the six headline cards, written in plain HTML
 * with the classes React's Header and ResultsPanel use, so the first numbers show before React
 * and the app's code have loaded (issue 16). paintFirst writes the worker's strings (core/headline.ts,
 * the function the results panel uses) into the nodes marked data-text and shows the cards; React's
 * first render replaces the whole shell (it sits inside #root) with the same text in the same place.
 * No React, no core, no codec here: this runs in the page's first chunk.
 */
import type { FirstPaint } from "./worker/firstMessage";

export function paintFirst(first: FirstPaint | null, doc: Document = document): boolean {
  const shell = doc.querySelector<HTMLElement>("[data-shell]");
  if (!shell) return false; // React has already taken over
  if (!first) {
    shell.dataset.shell = "left-to-page"; // not a plain link (or no worker): React shows the numbers with their notice
    return false;
  }
  const texts = first.texts as unknown as Record<string, string | undefined>;
  for (const el of shell.querySelectorAll<HTMLElement>("[data-text]")) {
    const text = texts[el.dataset.text ?? ""];
    if (typeof text === "string") el.textContent = text;
  }
  for (const el of shell.querySelectorAll<HTMLElement>("[data-shell-results]")) el.hidden = false;
  shell.dataset.shell = "painted";
  return true;
}

/**
 * The one message the page sends the cost worker before the comlink calls (worker/early.ts): the
 * page's address, answered with the first scenario's headline already written out (worker/first.ts),
 * so the static shell in index.html shows the numbers before React has loaded (issue 16).
 * Types and a key only: the page's bootstrap imports this without the codec or the core.
 */
import type { ScenarioInput } from "../core";
import type { HeadlineTexts } from "../core/headline";
import type { Headline } from "./protocol";

/** The key of the request `{ [FIRST_KEY]: { search, hash } }` and of its answer `{ [FIRST_KEY]: FirstPaint | null }`. */
export const FIRST_KEY = "ice-first";

export interface FirstAsk {
  search: string;
  hash: string;
}

/** The first scenario as the page will read it from the same address, its report and its headline text. */
export interface FirstPaint {
  input: ScenarioInput;
  headline: Headline;
  texts: HeadlineTexts;
}

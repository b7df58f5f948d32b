/**
 * The first scenario, read from the page's address in the cost worker (issue 16): the link is
 * decoded by the same codec the page uses (state/url), evaluated as a report computed ahead
 * (api.ts `reports`), and its headline written by core/headline.ts, the function the results
 * panel writes them with. The page paints these strings into its static shell before React has
 * loaded, then hands the report to the store so React's first render shows the same figures.
 *
 * Only a plain link is answered: one whose reading gives a notice (a field ignored, an input
 * issue), or that opens a lesson, a comparison or break-even assumptions, is answered null and
 * left to the page, which shows the notice together with the numbers, never numbers without it.
 */
import { DEFAULT_SCENARIO_INPUT } from "../core/defaults";
import { headlineTexts } from "../core/headline";
import { resolveScenario } from "../core/scenario";
import type { ScenarioInput } from "../core";
import { decodeComparison } from "../state/url/codec";
import { linkOfLocation } from "../state/url/location";
import { reports } from "./api";
import type { FirstPaint } from "./firstMessage";

export function firstPaint(search: string, hash: string): FirstPaint | null {
  try {
    const link = linkOfLocation(String(search), String(hash));
    let input = structuredClone(DEFAULT_SCENARIO_INPUT) as ScenarioInput;
    if (link !== null) {
      const { b, a } = decodeComparison(link);
      if (b.warnings.length > 0 || a !== null || Object.keys(b.reserved).length > 0) return null;
      input = b.input;
    }
    if (resolveScenario(input).issues.length > 0) return null;
    const [headline] = reports([input]);
    if (!headline) return null;
    return { input, headline, texts: headlineTexts(headline.report) };
  } catch {
    return null;
  }
}

/**
 * One call from a contract input to its report: validate, resolve, evaluate, and run the serving
 * simulation when the scenario has a serving block (CONTRACT.md "Serving"). Never throws.
 * The page's cost worker calls evaluate() alone (the simulation has its own job there).
 */
import { evaluate } from "./cost/evaluate";
import { resolveScenario } from "./scenario";
import { servingSection } from "./serving";

export function evaluateInput(input: unknown) {
  const { scenario, issues } = resolveScenario(input);
  const report = evaluate(scenario);
  if (scenario.serving) report.serving = servingSection(scenario, scenario.serving);
  return { scenario, issues, report };
}

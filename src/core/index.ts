/**
 * The public surface of the cost-model core. Everything outside src/core imports only this file.
 * Pure TypeScript: no DOM, no React, deterministic; runs in Node, in the worker and in the CLI.
 */
export * from "./types";
export { evaluate } from "./cost/evaluate";
export { evaluateInput } from "./evaluateInput";
export { resolveScenario } from "./scenario";
export { PLAUSIBLE, rangeMessage, inRange, formatLimit } from "./limits";
export type { Range, PlausiblePath } from "./limits";
export { resolveServing, SERVING_DEFAULTS, ARRIVALS, LENGTH_DISTS, DATASETS } from "./serving/input";
export type { Serving, ServingInput, LengthInput, LengthSpec, Arrival, LengthDist, Dataset } from "./serving/input";
export { DEFAULT_SCENARIO_INPUT } from "./defaults";
export { paramCount, deriveShape } from "./model/shape";
export type { ParamBreakdown } from "./model/shape";
export { MODEL_PRESETS, findModelPreset } from "./model/presets";
export type { ModelPreset } from "./model/presets";
export { HARDWARE_PRESETS, findHardwarePreset } from "./hardware/presets";
export type { HardwarePreset } from "./hardware/presets";
export { sweep, sweepSelect, logSpace } from "./sweep";
export type { SweepAxis, SweepPoint } from "./sweep";
export * from "./format";
export { rooflinePoints, attentionFigures, frontier } from "./insights";
export type { RooflinePoint, AttentionFigures, FrontierPoint } from "./insights";
export { decodeBoundStory, ridgeText } from "./story";
export type { DecodeBoundStory } from "./story";
export { explain, TERM_IDS } from "./explain";
export type { Term, TermId } from "./explain";
export { allInCost } from "./allIn";
export type { AllInCost } from "./allIn";
export { runReference, nearestReference } from "./reference";
export type { ReferenceCase, ReferenceResult } from "./reference";
export { mixedIterationS, mixedIterationShape } from "./serving/iteration";
export type { MixedIteration } from "./serving/iteration";
export { trainingFlops, trainingChipHours, servingCostPerDay, breakEvenDays, distillBreakEven, SECONDS_PER_DAY } from "./distill";
export type { DistillInput, DistillResult, DistillOutcome, ServingPrice } from "./distill";
export { compareReports, difference, ratio } from "./compare";
export type { CompareRow, CompareUnit } from "./compare";
export { importHfConfig, MAX_CONFIG_CHARS } from "./import/hfConfig";
export type { ImportedModel, ImportResult } from "./import/hfConfig";
export { ENGINE_PROFILES, engineOf, type EngineProfile } from "./engines";

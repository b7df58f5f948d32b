/**
 * The guided lesson's place in the URL: `lesson=<id>&step=<n>` (n counts from 1, as readers do),
 * reserved keys the codec passes through untouched. Pure: no DOM.
 *
 * What a link asks for is checked against the lessons that exist (passed in as id → number of
 * steps, looked up in a Map so "constructor" is just an unknown id): an unknown lesson, a step
 * out of range or a step without a lesson is named in the link notice, never dropped silently.
 */
import type { LessonState } from "./store";

const ID = /^[a-z0-9-]{1,40}$/;

/** Lesson id → number of steps. */
export type LessonCatalogue = ReadonlyMap<string, number>;

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * The lesson a link's `lesson` and `step` values open, and one warning per thing not used. With
 * no catalogue, any well-formed id is taken (the lesson panel then says if it does not exist).
 */
export function readLesson(keys: { lesson?: string; step?: string }, catalogue?: LessonCatalogue): { lesson: LessonState | null; warnings: string[] } {
  const warnings: string[] = [];
  const { lesson: id, step } = keys;
  if (id === undefined || id === "") {
    if (step !== undefined) warnings.push(`step: given without a lesson; ignored step=${show(step).slice(1, -1)}`);
    return { lesson: null, warnings };
  }
  const steps = catalogue?.get(id);
  if (!ID.test(id) || (catalogue && steps === undefined)) {
    const known = catalogue ? ` (there is ${[...catalogue.keys()].map((k) => `"${k}"`).join(", ")})` : "";
    warnings.push(`lesson: no lesson called ${show(id)}${known}; ignored`);
    return { lesson: null, warnings };
  }
  let index = 0;
  if (step !== undefined) {
    const n = /^\s*\d{1,3}\s*$/.test(step) ? Number(step) : NaN;
    const max = steps ?? 99;
    if (Number.isInteger(n) && n >= 1 && n <= max) index = n - 1;
    else warnings.push(`step: must be a whole number from 1 to ${max} (got ${show(step)}); showing step 1`);
  }
  return { lesson: { id, step: index }, warnings };
}

/** The lesson in a query string, or null when absent or malformed (syntax only). */
export function lessonFromQuery(search: string, catalogue?: LessonCatalogue): LessonState | null {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  return readLesson({ lesson: q.get("lesson") ?? undefined, step: q.get("step") ?? undefined }, catalogue).lesson;
}

/** "&lesson=…&step=…" to append to a query, or "" outside a lesson. */
export function lessonQuery(lesson: LessonState | null): string {
  return lesson && ID.test(lesson.id) ? `&lesson=${lesson.id}&step=${lesson.step + 1}` : "";
}

/**
 * The guided lesson's place in the URL: `lesson=<id>&step=<n>` (n counts from 1, as readers do),
 * reserved keys the codec passes through untouched. Pure: no DOM.
 */
import type { LessonState } from "./store";

const ID = /^[a-z0-9-]{1,40}$/;

/** The lesson in a query string, or null when absent or malformed. */
export function lessonFromQuery(search: string): LessonState | null {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const id = q.get("lesson");
  if (!id || !ID.test(id)) return null;
  const n = Number(q.get("step") ?? "1");
  const step = Number.isInteger(n) && n >= 1 && n <= 99 ? n - 1 : 0;
  return { id, step };
}

/** "&lesson=…&step=…" to append to a query, or "" outside a lesson. */
export function lessonQuery(lesson: LessonState | null): string {
  return lesson && ID.test(lesson.id) ? `&lesson=${lesson.id}&step=${lesson.step + 1}` : "";
}

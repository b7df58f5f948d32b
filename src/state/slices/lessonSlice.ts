/** The guided lesson being followed (in the URL as lesson/step). */
import type { SliceCreator } from "./types";

export interface LessonState {
  id: string;
  /** 0-based step index. */
  step: number;
}

export interface LessonSlice {
  lesson: LessonState | null;
  /** Enter a lesson step (null leaves the lesson). */
  setLesson(lesson: LessonState | null): void;
}

export const createLessonSlice: SliceCreator<LessonSlice> = (set) => ({
  lesson: null,
  setLesson: (lesson) => set({ lesson }),
});

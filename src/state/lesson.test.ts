import { describe, expect, it } from "vitest";
import { lessonFromQuery, lessonQuery, readLesson } from "./lesson";

describe("lesson link keys", () => {
  it("should read lesson and a 1-based step", () => {
    expect(lessonFromQuery("?v=1&b=8&lesson=serving&step=3")).toEqual({ id: "serving", step: 2 });
  });
  it("should start at the first step when the step is missing or malformed", () => {
    expect(lessonFromQuery("lesson=serving")).toEqual({ id: "serving", step: 0 });
    expect(lessonFromQuery("lesson=serving&step=-4")).toEqual({ id: "serving", step: 0 });
  });
  it("should ignore a malformed lesson id", () => {
    expect(lessonFromQuery("lesson=%3Cscript%3E")).toBeNull();
    expect(lessonFromQuery("v=1")).toBeNull();
  });
  it("should round-trip", () => {
    expect(lessonFromQuery(`v=1${lessonQuery({ id: "serving", step: 4 })}`)).toEqual({ id: "serving", step: 4 });
    expect(lessonQuery(null)).toBe("");
  });
});

describe("lesson keys a link cannot use are named (issue 20)", () => {
  const catalogue = new Map([["serving", 6]]);
  it("names an unknown lesson, a prototype name included, and opens none", () => {
    for (const id of ["constructor", "toString", "__proto__", "nope", "<script>"]) {
      const { lesson, warnings } = readLesson({ lesson: id, step: "1" }, catalogue);
      expect(lesson, id).toBeNull();
      expect(warnings, id).toEqual([`lesson: no lesson called ${JSON.stringify(id)} (there is "serving"); ignored`]);
    }
  });
  it("names a step out of range and starts at the first", () => {
    expect(readLesson({ lesson: "serving", step: "7" }, catalogue)).toEqual({ lesson: { id: "serving", step: 0 }, warnings: ['step: must be a whole number from 1 to 6 (got "7"); showing step 1'] });
    expect(readLesson({ lesson: "serving", step: "x" }, catalogue).warnings).toHaveLength(1);
    expect(readLesson({ lesson: "serving", step: "6" }, catalogue)).toEqual({ lesson: { id: "serving", step: 5 }, warnings: [] });
  });
  it("names a step without a lesson", () => {
    expect(readLesson({ step: "2" }, catalogue)).toEqual({ lesson: null, warnings: ["step: given without a lesson; ignored step=2"] });
  });
});

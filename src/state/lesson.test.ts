import { describe, expect, it } from "vitest";
import { lessonFromQuery, lessonQuery } from "./lesson";

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

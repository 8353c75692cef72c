import { describe, expect, it } from "vitest";
import { importFailures, toReport } from "./corpus";

describe("importFailures", () => {
  it("tells an import whose every file failed from one with some failures and one without", () => {
    const error = { file: "a.pdf", line: null, message: "not a PDF" };
    expect(importFailures(toReport({ errors: [error, { ...error, file: "b.pdf" }] })!)).toEqual({ failed: "all", errors: 2 });
    expect(importFailures(toReport({ documents: 1, errors: [error], errorsNotListed: 4 })!)).toEqual({ failed: "some", errors: 5 });
    expect(importFailures(toReport({ unchanged: 3, errors: [error] })!)).toEqual({ failed: "some", errors: 1 });
    expect(importFailures(toReport({ documents: 2 })!)).toEqual({ failed: null, errors: 0 });
  });
});

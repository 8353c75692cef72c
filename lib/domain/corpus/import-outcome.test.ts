import { describe, expect, it } from "vitest";
import { importCounts, importFailures } from "./import-outcome";

const report = (r: Partial<Parameters<typeof importCounts>[0]>) => importCounts({ documents: 0, updated: 0, unchanged: 0, skipped: [], errors: [], ...r });
const error = { file: "a.pdf", line: null, message: "not a PDF" };

describe("importCounts", () => {
  it("sorts every file into imported (new, changed, unchanged), skipped or failed, counting errors not listed", () => {
    expect(report({ documents: 2, updated: 1, unchanged: 3, skipped: [{}], errors: [error], errorsNotListed: 4 })).toEqual({ imported: 6, skipped: 1, errors: 5 });
  });
});

describe("importFailures", () => {
  it("tells an import whose every file failed from one with some failures and one without, with files counted", () => {
    expect(importFailures(report({ errors: [error, { ...error, file: "b.pdf" }] }))).toMatchObject({ failed: "all", errors: 2, files: 2, label: "Failed (2 of 2 files)" });
    expect(importFailures(report({ documents: 1, errors: [error], errorsNotListed: 4 }))).toMatchObject({ failed: "some", errors: 5, label: "Partly failed (5 of 6 files)" });
    expect(importFailures(report({ unchanged: 3, errors: [error] }))).toMatchObject({ failed: "some", label: "Partly failed (1 of 4 files)" });
    expect(importFailures(report({ errors: [error] }))?.label).toBe("Failed (1 of 1 file)");
    // A file with nothing left after filtering was read, not failed.
    expect(importFailures(report({ skipped: [{}], errors: [error] }))).toMatchObject({ failed: "some", label: "Partly failed (1 of 2 files)" });
    expect(importFailures(report({ documents: 2 }))).toBeNull();
  });
});

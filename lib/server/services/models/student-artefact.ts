import { gunzipSync, gzipSync } from "node:zlib";
import { DomainError } from "@/lib/domain/errors";
import { loadStudent, serializeStudent, type StudentModel } from "@/lib/domain/student";
import type { Db } from "@/lib/server/db";

export const STUDENT_ARTEFACT_FORMAT = "proda-local-student+json+gzip";

/** The student as stored (ModelArtefact.data): its JSON artefact, gzipped. */
export const packStudent = (model: StudentModel): Uint8Array<ArrayBuffer> => new Uint8Array(gzipSync(serializeStudent(model)));

/** The local student a model version holds. */
export async function loadStudentOf(db: Db, modelVersionId: string): Promise<StudentModel> {
  const row = await db.modelArtefact.findUnique({ where: { modelVersionId } });
  if (!row) throw new DomainError("NOT_FOUND", `Model version ${modelVersionId} has no local student artefact`);
  if (row.format !== STUDENT_ARTEFACT_FORMAT) throw new DomainError("BAD_INPUT", `Unknown artefact format ${row.format}`);
  return loadStudent(gunzipSync(row.data).toString("utf8"));
}

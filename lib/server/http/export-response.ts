import { Readable } from "node:stream";
import { zipExport, type Export } from "@/lib/server/services/exports/export-files";

/** An export as a download: a file streams as it is; a folder streams as a zip of its files. */
export function exportResponse(exp: Export): Response {
  const filename = exp.kind === "file" ? exp.name : `${exp.name}.zip`;
  const body = exp.kind === "file" ? Readable.from(exp.files[0].content()) : zipExport(exp);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: { "content-type": exp.contentType, "content-disposition": `attachment; filename="${filename}"` },
  });
}

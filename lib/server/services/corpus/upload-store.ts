import crypto from "node:crypto";
import fs from "node:fs";
import type { Db, Prisma } from "@/lib/server/db";

type Tx = Prisma.TransactionClient;

const PART_BYTES = 1024 * 1024;
const READ_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Prisma copies a Bytes value many times on its way to Postgres (measured: a 50 MB file took
 * 750 MB of memory and 7 s to insert, as long to read back), so upload bytes move in parts:
 * written 1 MB at a time into a temporary table that Postgres joins into the UploadedFile row,
 * read back 4 MB at a time. Memory holds a part, never the copies of a whole file.
 */
export async function storeUploadedFile(tx: Tx, runId: string, file: { name: string; path: string }): Promise<void> {
  await tx.$executeRaw`create temp table if not exists upload_part (n int primary key, b bytea not null) on commit drop`;
  await tx.$executeRaw`truncate upload_part`;
  let n = 0;
  for await (const part of fs.createReadStream(file.path, { highWaterMark: PART_BYTES }) as AsyncIterable<Buffer>) {
    await tx.$executeRaw`insert into upload_part (n, b) values (${n++}, decode(${part.toString("base64")}, 'base64'))`;
  }
  await tx.$executeRaw`
    insert into "UploadedFile" (id, "runId", name, bytes)
    select ${crypto.randomUUID()}, ${runId}, ${file.name}, coalesce(string_agg(b, ''::bytea order by n), ''::bytea) from upload_part`;
}

/** An uploaded file's bytes, read in slices into one buffer of its size. */
export async function readUploadedFile(db: Db, id: string): Promise<Buffer> {
  const [row] = await db.$queryRaw<{ size: number }[]>`select length(bytes)::int as size from "UploadedFile" where id = ${id}`;
  if (!row) throw new Error(`The uploaded file ${id} is no longer stored`);
  const out = Buffer.alloc(row.size);
  for (let at = 0; at < row.size; at += READ_SLICE_BYTES) {
    const [slice] = await db.$queryRaw<{ b: string }[]>`
      select encode(substring(bytes from ${at + 1}::int for ${READ_SLICE_BYTES}::int), 'base64') as b from "UploadedFile" where id = ${id}`;
    Buffer.from(slice.b, "base64").copy(out, at);
  }
  return out;
}

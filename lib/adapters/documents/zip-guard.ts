import { DomainError } from "@/lib/domain/errors";
import { MAX_ARCHIVE_ENTRIES, MAX_PACKING_RATIO, MAX_UNPACKED_BYTES, formatMb } from "@/lib/domain/corpus";
import { inflatedSize } from "./inflate";

type Entry = { name: string; flags: number; method: number; packed: number; unpacked: number; offset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

class Malformed extends Error {}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

function need(b: Buffer, at: number, length: number) {
  if (at < 0 || at + length > b.length) throw new Malformed("its directory points outside the file");
}

/** Where the central directory is and how many entries it has, from the end record (ZIP64 too). */
function endRecord(b: Buffer): { count: number; offset: number } {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) !== EOCD) continue;
    let count = b.readUInt16LE(at + 10);
    let offset = b.readUInt32LE(at + 16);
    if ((count === 0xffff || offset === U32_MAX) && at >= 20 && b.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const record = u64(b, at - 12);
      need(b, record, 56);
      if (b.readUInt32LE(record) !== ZIP64_EOCD) throw new Malformed("its ZIP64 end record is missing");
      count = u64(b, record + 32);
      offset = u64(b, record + 48);
    }
    return { count, offset };
  }
  throw new Malformed("it is not a zip archive (no end of central directory)");
}

/** Reads the sizes of a ZIP64 entry from its extra field: only the fields that were U32_MAX are there. */
function zip64Sizes(b: Buffer, extraAt: number, extraEnd: number, e: Entry) {
  for (let at = extraAt; at + 4 <= extraEnd; ) {
    const id = b.readUInt16LE(at);
    const size = b.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      need(b, p, size);
      if (e.unpacked === U32_MAX) (e.unpacked = u64(b, p)), (p += 8);
      if (e.packed === U32_MAX) (e.packed = u64(b, p)), (p += 8);
      if (e.offset === U32_MAX) e.offset = u64(b, p);
      return;
    }
    at += 4 + size;
  }
}

function centralDirectory(b: Buffer, fileName: string): Entry[] {
  const { count, offset } = endRecord(b);
  if (count > MAX_ARCHIVE_ENTRIES) {
    throw new DomainError("TOO_LARGE", `${fileName} has ${count} entries; an archive may have at most ${MAX_ARCHIVE_ENTRIES}`);
  }
  const entries: Entry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    need(b, at, 46);
    if (b.readUInt32LE(at) !== CENTRAL) throw new Malformed("its central directory is damaged");
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    need(b, at + 46, nameLength + extraLength + commentLength);
    const e: Entry = {
      name: b.toString("utf8", at + 46, at + 46 + nameLength),
      flags: b.readUInt16LE(at + 8),
      method: b.readUInt16LE(at + 10),
      packed: b.readUInt32LE(at + 20),
      unpacked: b.readUInt32LE(at + 24),
      offset: b.readUInt32LE(at + 42),
    };
    zip64Sizes(b, at + 46 + nameLength, at + 46 + nameLength + extraLength, e);
    entries.push(e);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's packed bytes, found through its local header. */
function entryData(b: Buffer, e: Entry): Buffer {
  need(b, e.offset, 30);
  if (b.readUInt32LE(e.offset) !== LOCAL) throw new Malformed(`the entry ${e.name} is missing`);
  const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
  need(b, start, e.packed);
  return b.subarray(start, start + e.packed);
}

/**
 * Refuses a zip (a DOCX) whose content would unpack beyond the limits, before any reader opens
 * it: its directory's total unpacked size and packing ratio first, then, since a directory can
 * lie, each entry is inflated and counted (nothing kept), stopping at the size it declared.
 */
export async function checkArchive(bytes: Uint8Array, fileName: string, kind = "DOCX"): Promise<void> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new DomainError("CORRUPT_FILE", `${fileName} is a damaged ${kind} file that cannot be read: ${why}`);
  try {
    const entries = centralDirectory(b, fileName);
    const unpacked = entries.reduce((n, e) => n + e.unpacked, 0);
    if (unpacked > MAX_UNPACKED_BYTES) {
      throw new DomainError("TOO_LARGE", `${fileName} unpacks to ${formatMb(unpacked)}; a ${kind} may unpack to at most ${formatMb(MAX_UNPACKED_BYTES)}`);
    }
    if (unpacked > MAX_PACKING_RATIO * Math.max(1, b.length)) {
      const ratio = Math.round(unpacked / Math.max(1, b.length));
      throw new DomainError("TOO_LARGE", `${fileName} unpacks ${ratio} times its size; more than ${MAX_PACKING_RATIO} times is refused as a likely zip bomb`);
    }
    for (const e of entries) {
      if (e.flags & 1) throw damaged(`${e.name} is encrypted`);
      if (e.method !== 0 && e.method !== 8) throw damaged(`${e.name} uses an unsupported compression method (${e.method})`);
      const data = entryData(b, e);
      const actual = e.method === 0 ? data.length : await inflatedSize(data, true, e.unpacked).catch(() => -1);
      if (actual === Infinity) {
        throw new DomainError("TOO_LARGE", `${fileName}: ${e.name} unpacks to more than its archive declares; refused as a likely zip bomb`);
      }
      if (actual !== e.unpacked) throw damaged(`${e.name} does not unpack to the size its archive declares`);
    }
  } catch (e) {
    if (e instanceof Malformed || e instanceof RangeError) throw damaged(e.message);
    throw e;
  }
}

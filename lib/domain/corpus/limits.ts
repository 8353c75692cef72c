/**
 * What the corpus import accepts. Every limit is checked before the work it protects: bytes are
 * counted while they stream in, archives are measured from their directory before they are
 * unpacked, so a hostile file costs at most its limit in memory, never its claimed size.
 */
const MB = 1024 * 1024;

/** One document, uploaded or read from a folder. */
export const MAX_FILE_BYTES = 50 * MB;
/** One upload request, all its files together (large corpora go through `npx proda import`). */
export const MAX_UPLOAD_BYTES = 200 * MB;
export const MAX_UPLOAD_FILES = 1000;

/** A DOCX (a zip) unpacked: what its directory declares, and what its entries really inflate to. */
export const MAX_UNPACKED_BYTES = 50 * MB;
/** Unpacked size over packed size: text compresses about 5 to 10 times, a zip bomb thousands. */
export const MAX_PACKING_RATIO = 100;
export const MAX_ARCHIVE_ENTRIES = 10_000;

/** A PDF's compressed streams other than images, inflated (text, fonts, object streams). */
export const MAX_PDF_UNPACKED_BYTES = 200 * MB;
export const MAX_PDF_PAGES = 5000;

/** An import report lists this many problems and counts the rest. */
export const MAX_REPORTED_ERRORS = 100;

export const formatMb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

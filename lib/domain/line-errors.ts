import { DomainError } from "./errors";

export type LineError = { line: number; message: string };

/** A bad file lists its first MAX_LISTED bad lines and counts the rest: never a 200 MB answer. */
export const MAX_LISTED = 100;

/** The bad lines of an import, collected while every line is checked, then refused at once (nothing written). */
export class LineErrors {
  readonly listed: LineError[] = [];
  notListed = 0;
  add(e: LineError) {
    if (this.listed.length < MAX_LISTED) this.listed.push(e);
    else this.notListed++;
  }
  get count() {
    return this.listed.length + this.notListed;
  }
  refuse(what: string): never {
    const more = this.notListed ? ` (the first ${MAX_LISTED} are listed)` : "";
    throw new DomainError("BAD_INPUT", `${this.count} ${what}; nothing was imported${more}`, { lines: this.listed, linesNotListed: this.notListed });
  }
}

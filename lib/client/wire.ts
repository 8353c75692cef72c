/**
 * What a server value becomes once it crossed the wire as JSON: dates are ISO strings. The
 * browser's types for a response are inferred from the server function that builds it
 * (`Wire<Awaited<ReturnType<typeof listModels>>>`), so there is no hand-kept copy to drift.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends readonly (infer U)[]
      ? readonly Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** The JSON a server function's result becomes. */
export type WireOf<F extends (...args: never[]) => unknown> = Wire<Awaited<ReturnType<F>>>;

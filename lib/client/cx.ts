/** Joins class names, skipping falsy ones, so conditional classes read inline. */
export const cx = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(" ");

/**
 * A small YAML writer for training configs (nested maps, lists, scalars), since the project has
 * no YAML package. Its readers are Python's (LLaMA-Factory and Axolotl load configs with PyYAML,
 * YAML 1.1), so it errs towards quoting: a string is written bare only when no YAML reader could
 * take it for anything else, and floats always have the dot and signed exponent YAML 1.1 needs.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

// Bare words YAML 1.1 reads as booleans or null.
const RESERVED = /^(y|n|yes|no|on|off|true|false|null|~)$/i;
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;

function scalar(v: string | number | boolean | null): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`YAML: ${v} is not a finite number`);
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
    const [mantissa, exponent] = String(v).split("e");
    if (exponent === undefined) return mantissa;
    // PyYAML reads "1e-4" as a string: it wants "1.0e-4".
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${/^[-+]/.test(exponent) ? exponent : `+${exponent}`}`;
  }
  // A JSON string is a valid YAML double-quoted scalar.
  return PLAIN.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v);
}

const key = (k: string) => (PLAIN.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k));
const isMap = (v: YamlValue): v is { [key: string]: YamlValue | undefined } => typeof v === "object" && v !== null && !Array.isArray(v);
const entries = (m: { [key: string]: YamlValue | undefined }) => Object.entries(m).filter((e): e is [string, YamlValue] => e[1] !== undefined);

function block(v: YamlValue, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      const inner = isMap(item) || Array.isArray(item) ? block(item, `${indent}  `) : null;
      if (!inner || inner.length === 0) return [`${indent}- ${inner ? (Array.isArray(item) ? "[]" : "{}") : scalar(item as string | number | boolean | null)}`];
      // The first line of a nested block shares the dash's line.
      return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
    });
  }
  if (isMap(v)) {
    return entries(v).flatMap(([k, value]) => {
      if (Array.isArray(value)) return value.length ? [`${indent}${key(k)}:`, ...block(value, `${indent}  `)] : [`${indent}${key(k)}: []`];
      if (isMap(value)) return entries(value).length ? [`${indent}${key(k)}:`, ...block(value, `${indent}  `)] : [`${indent}${key(k)}: {}`];
      return [`${indent}${key(k)}: ${scalar(value)}`];
    });
  }
  return [`${indent}${scalar(v)}`];
}

/** A YAML document for `value` (`undefined` map values left out), after `comment` as # lines. */
export function toYaml(value: YamlValue, comment?: string): string {
  const head = comment ? comment.split("\n").map((l) => (l ? `# ${l}` : "#")) : [];
  return [...head, ...block(value, "")].join("\n") + "\n";
}

/** A chart's data as a table: what its CSV holds. */
export type ChartTable = { header: string[]; rows: (string | number | null)[][] };
export type LegendEntry = { name: string; color: string; dashed?: boolean };

const field = (v: string | number | null) => {
  const s = v === null ? "" : typeof v === "number" ? String(Number.isInteger(v) ? v : Number(v.toFixed(6))) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV: a header line, then one line per row; fields with commas, quotes or newlines quoted. */
export const toCsv = (t: ChartTable) => [t.header, ...t.rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";

/** A file name from a chart's title: "accuracy-by-discipline-v3". */
export const fileSlug = (...parts: string[]) =>
  parts.join(" ").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";

export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The chart as a PNG a lead pastes into a slide: the recharts SVG serialised and drawn on a canvas
 * at twice its size, on white, with the title above and the legend below (both are HTML on the
 * page, so they are drawn here).
 */
export async function chartPng(container: HTMLElement, title: string, subtitle: string | undefined, legend: readonly LegendEntry[]): Promise<Blob> {
  const svg = container.querySelector<SVGSVGElement>(".recharts-wrapper svg.recharts-surface");
  if (!svg) throw new Error("The chart has not been drawn yet");
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("font-family", FONT);
  clone.setAttribute("font-size", "12");
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("The chart could not be drawn as an image"));
      img.src = url;
    });
    const pad = 16;
    const head = subtitle ? 46 : 30;
    const rows = legendRows(legend, width - 2 * pad);
    const foot = rows.length ? rows.length * 20 + 8 : 0;
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil((width + 2 * pad) * scale);
    canvas.height = Math.ceil((height + head + foot + 2 * pad) * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width + 2 * pad, height + head + foot + 2 * pad);
    ctx.textBaseline = "top";
    ctx.fillStyle = "#18181b";
    ctx.font = `600 14px ${FONT}`;
    ctx.fillText(title, pad, pad);
    if (subtitle) {
      ctx.fillStyle = "#71717a";
      ctx.font = `12px ${FONT}`;
      ctx.fillText(subtitle, pad, pad + 20);
    }
    ctx.drawImage(img, pad, pad + head, width, height);
    ctx.font = `12px ${FONT}`;
    rows.forEach((row, r) => {
      let x = pad;
      const y = pad + head + height + 8 + r * 20;
      for (const e of row) {
        ctx.fillStyle = e.color;
        if (e.dashed) for (let k = 0; k < 3; k++) ctx.fillRect(x + k * 5, y + 6, 3, 2);
        else ctx.fillRect(x, y + 2, 10, 10);
        ctx.fillStyle = "#3f3f46";
        ctx.fillText(e.name, x + 16, y);
        x += 16 + ctx.measureText(e.name).width + 16;
      }
    });
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The canvas gave no image"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The legend laid out in rows that fit the width (about 7 px a character at 12 px). */
function legendRows(legend: readonly LegendEntry[], width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [];
  let used = Infinity;
  for (const e of legend) {
    const w = 32 + e.name.length * 7;
    if (used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(e);
    used += w;
  }
  return rows;
}

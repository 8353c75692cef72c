/** The next free "V<n>" among the names taken: what a new fine-tune is called unless someone names it. */
export function nextVersionName(taken: readonly string[]): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`V${n}`)) n++;
  return `V${n}`;
}

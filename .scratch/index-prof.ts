import fs from "node:fs";
import { createBenchmarkIndex } from "@/lib/domain/orthogonality";
const w = JSON.parse(fs.readFileSync("/tmp/proda-orthogonality-gate-workload.json", "utf8"));
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  const idx = createBenchmarkIndex(w.items);
  console.log("index", (performance.now() - t).toFixed(0), "ms", idx.size);
}

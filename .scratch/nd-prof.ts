import fs from "node:fs";
import { createNearDuplicateIndex } from "@/lib/domain/orthogonality/near-duplicates";
import { createMinHasher } from "@/lib/domain/orthogonality/minhash";
import { createTokenizer } from "@/lib/domain/orthogonality/tokenizer";
const w = JSON.parse(fs.readFileSync("/tmp/proda-orthogonality-gate-workload.json", "utf8"));
const tok = createTokenizer();
const hashes: Uint32Array[] = w.items.map((i: { text: string }) => { const t = tok.tokenize(i.text); return t.hashes.slice(0, t.length); });
console.log("items", hashes.length, "avg words", (hashes.reduce((n, h) => n + h.length, 0) / hashes.length).toFixed(1));
const mh = createMinHasher();
const wit = new Uint32Array(128);
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  for (const h of hashes) mh.signatureOfTokens(h, wit);
  const sig = performance.now() - t;
  t = performance.now();
  const nd = createNearDuplicateIndex();
  hashes.forEach((h, i) => nd.add(i, h));
  console.log(`signatures ${sig.toFixed(0)} ms, near-duplicate add (incl. signatures) ${(performance.now() - t).toFixed(0)} ms`);
}

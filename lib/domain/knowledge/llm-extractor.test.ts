import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatModel } from "@/lib/adapters/llm/openai-compatible";
import { chunkBlocks, markdownToBlocks } from "@/lib/domain/corpus";
import { SHARED_CORPUS } from "@/test/fixtures";
import { startOpenAiServer, type ChatBody } from "@/test/openai-server";
import { canonicalName } from "./canonical";
import { createLlmExtractor } from "./llm-extractor";
import { DEFAULT_PREDICATES } from "./vocabulary";

// A real passage: the chunk of the biology module that explains the nucleus and ribosomes.
const module = fs.readFileSync(path.join(SHARED_CORPUS, "biology/m66449.txt"), "utf8");
const chunk = chunkBlocks(markdownToBlocks(module).blocks).find((c) => c.text.includes("Ribosomes are the cellular structures responsible for protein synthesis"))!;
const quote = (needle: string) => {
  const s = chunk.text.split(/(?<=[.!?])\s+/).find((x) => x.includes(needle));
  if (!s) throw new Error(`no sentence with ${needle}`);
  return s;
};

const step = (subject: string, predicate: string, object: string, evidence: string) => ({ subject, predicate, object, evidence });
let server: Awaited<ReturnType<typeof startOpenAiServer>>;

beforeAll(async () => {
  const ribosomes = quote("Ribosomes are the cellular structures");
  const aminoAcids = quote("Amino acids are the building blocks");
  server = await startOpenAiServer((body: ChatBody) => {
    const which = body.response_format?.json_schema?.name;
    if (which === "reasoning_chains") {
      return {
        content: JSON.stringify({
          chains: [
            { summary: "Amino acids build proteins, which ribosomes synthesize.", steps: [step("amino acids", "part_of", "proteins", aminoAcids), step("proteins", "produced by", "ribosomes", ribosomes)] },
            // Broken: its steps do not link (proteins → ... → cytoplasm is not stated).
            { summary: "broken", steps: [step("amino acids", "part_of", "proteins", aminoAcids), step("cytoplasm", "contains", "water", "The cytoplasm contains a great deal of water and nothing else.")] },
          ],
        }),
      };
    }
    if (which === "relation_triples") {
      return {
        content: JSON.stringify({
          triples: [
            step("Amino acids", "part_of", "proteins", aminoAcids),
            step("ribosomes", "produces", "proteins", ribosomes),
            step("ribosomes", "teleports", "proteins", ribosomes), // not in the vocabulary
            step("nucleus", "contains", "DNA", "The nucleus is where the magic of the cell is kept safe."), // not in the chunk
            step("ribosomes", "produces", "ribosomes", ribosomes), // a loop
          ],
        }),
      };
    }
    return { content: JSON.stringify({ concepts: [{ name: "ribosomes", aliases: ["ribosome"], definition: "Cellular structures responsible for protein synthesis." }, { name: "Amino acids", aliases: [], definition: null }] }) };
  });
});
afterAll(() => server.close());

describe("LLM extractor (real adapter, scripted endpoint)", () => {
  it("asks top-down and keeps only what the chunk grounds", async () => {
    const model = createChatModel({ name: "scripted", baseURL: server.baseURL, model: "m1" });
    const x = await createLlmExtractor(model).extract({ id: "c1", discipline: "biology", heading: chunk.heading, text: chunk.text }, DEFAULT_PREDICATES);
    expect(server.requests.map((r) => r.body.response_format?.json_schema?.name)).toEqual(["reasoning_chains", "relation_triples", "concepts"]);

    expect(x.triples.map((t) => [t.subject, t.predicate, t.object])).toEqual([
      ["Amino acids", "part_of", "proteins"],
      ["ribosomes", "produces", "proteins"],
    ]);
    for (const t of x.triples) expect(chunk.text.replace(/\s+/g, " ")).toContain(t.evidence);
    // The inverse phrasing "produced by" became ribosomes produces proteins: the chain no longer links, so it is dropped;
    // the broken chain is dropped too.
    expect(x.chains).toEqual([]);
    const names = x.concepts.map((c) => canonicalName(c.name)).sort();
    expect(names).toEqual(["amino acid", "protein", "ribosome"]);
    expect(x.concepts.find((c) => canonicalName(c.name) === "ribosome")?.definition).toMatch(/protein synthesis/);
    expect(model.usage().calls).toBe(3);
  });

  it("keeps a chain whose steps are grounded and link end to start", async () => {
    const text = "Light energy is converted into chemical energy by chloroplasts in the leaf. Chemical energy powers the synthesis of glucose in the stroma.";
    const chainServer = await startOpenAiServer((body) =>
      body.response_format?.json_schema?.name === "reasoning_chains"
        ? { content: JSON.stringify({ chains: [{ summary: "Light becomes chemical energy, which powers glucose synthesis.", steps: [step("light energy", "converts_to", "chemical energy", "Light energy is converted into chemical energy by chloroplasts in the leaf."), step("chemical energy", "enables", "synthesis of glucose", "Chemical energy powers the synthesis of glucose in the stroma.")] }] }) }
        : body.response_format?.json_schema?.name === "relation_triples"
          ? { content: JSON.stringify({ triples: [] }) }
          : { content: JSON.stringify({ concepts: [] }) },
    );
    try {
      const x = await createLlmExtractor(createChatModel({ name: "s", baseURL: chainServer.baseURL, model: "m" })).extract({ id: "c2", discipline: "biology", heading: null, text }, DEFAULT_PREDICATES);
      expect(x.chains).toEqual([{ steps: [0, 1], summary: "Light becomes chemical energy, which powers glucose synthesis." }]);
      expect(x.triples.map((t) => t.predicate)).toEqual(["converts_to", "enables"]);
      expect(x.concepts.map((c) => c.name)).toEqual(["light energy", "chemical energy", "synthesis of glucose"]);
    } finally {
      await chainServer.close();
    }
  });
});

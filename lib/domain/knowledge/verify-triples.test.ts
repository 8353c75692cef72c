import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatModel } from "@/lib/adapters/llm/openai-compatible";
import { startOpenAiServer } from "@/test/openai-server";
import type { Extraction } from "./types";
import { verifyExtraction, withTripleVerification, type RefusedTriple } from "./verify-triples";
import { DEFAULT_PREDICATES } from "./vocabulary";
import { createLocalExtractor } from "./local";

let server: Awaited<ReturnType<typeof startOpenAiServer>>;

beforeAll(async () => {
  // The scripted checker refuses any claim about "chemical energy is located in glucose".
  server = await startOpenAiServer((body) => {
    const user = body.messages[body.messages.length - 1].content;
    const supported = !user.includes(`"chemical energy" is located in "glucose"`);
    return { content: JSON.stringify({ supported, reason: supported ? "stated" : "the sentence says stored, of starch" }) };
  });
});
afterAll(() => server.close());

describe("LLM verification of triples against their evidence", () => {
  const model = () => createChatModel({ name: "scripted", baseURL: server.baseURL, model: "checker" });
  const extraction: Extraction = {
    triples: [
      { subject: "light energy", predicate: "converts_to", object: "chemical energy", evidence: "Light energy is converted into chemical energy." },
      { subject: "chemical energy", predicate: "located_in", object: "glucose", evidence: "Chemical energy is stored in starch." },
      { subject: "glucose", predicate: "is_a", object: "sugar", evidence: "Glucose is a sugar." },
    ],
    chains: [{ steps: [0, 1], summary: "…" }, { steps: [1, 2], summary: "…" }],
    concepts: ["light energy", "chemical energy", "glucose", "sugar"].map((name) => ({ name, aliases: [], definition: null, evidence: null })),
  };

  it("drops a triple its sentence does not state, the chains that used it, and keeps what still stands", async () => {
    const refused: RefusedTriple[] = [];
    const out = await verifyExtraction(model(), extraction, DEFAULT_PREDICATES, (r) => refused.push(r));
    expect(out.triples.map((t) => t.object)).toEqual(["chemical energy", "sugar"]);
    expect(out.chains).toEqual([]);
    expect(refused).toEqual([{ subject: "chemical energy", predicate: "located_in", object: "glucose", reason: "the sentence says stored, of starch" }]);
    expect(out.concepts.map((c) => c.name).sort()).toEqual(["chemical energy", "glucose", "light energy", "sugar"]);
  });

  it("wraps an extractor, whose settings then name the check (a chunk is extracted again with it)", async () => {
    const verified = withTripleVerification(createLocalExtractor(), model());
    expect(verified.info).toMatchObject({ id: "local", version: "local-v3+verified", model: "checker", promptVersion: "verify-triple-v1" });
    const x = await verified.extract({ id: "k", discipline: "biology", heading: null, text: "Insulin, a hormone produced by the pancreas, lowers blood glucose." }, DEFAULT_PREDICATES);
    expect(x.triples.map((t) => [t.subject, t.predicate, t.object])).toEqual([["Insulin", "is_a", "hormone"]]);
  });
});

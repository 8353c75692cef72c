import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { startOpenAiServer, type ChatBody } from "@/test/openai-server";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";
import type { BenchmarkBuildReport } from "./build-benchmark";

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof startOpenAiServer>>;
const lastUser = (b: ChatBody) => b.messages[b.messages.length - 1].content;

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const d = await t.db().discipline.findUniqueOrThrow({ where: { slug: "economics" } });
  const names = ["money supply", "inflation rate", "purchasing power", "central bank", "purchasing power parity", "exchange rate"];
  const c = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, (await t.db().concept.create({ data: { disciplineId: d.id, name, canonicalName: name, definition: `${name} is a term of economics.` } })).id] as const)),
  );
  const rel = (s: string, p: string, o: string) => t.db().relation.create({ data: { disciplineId: d.id, subjectId: c[s], predicate: p, objectId: c[o], evidence: `${s} ${p} ${o}.` } });
  const a = await rel("money supply", "increases", "inflation rate");
  const b = await rel("inflation rate", "decreases", "purchasing power");
  await rel("central bank", "increases", "money supply");
  await rel("exchange rate", "influences", "purchasing power parity");
  await t.db().chain.create({ data: { disciplineId: d.id, signature: `${a.id},${b.id}`, steps: { create: [{ position: 0, relationId: a.id }, { position: 1, relationId: b.id }] } } });
  server = await startOpenAiServer((body) => {
    const user = lastUser(body);
    if (body.response_format?.json_schema?.name === "reworded_question") {
      return { content: JSON.stringify({ question: "If the money supply rises, it raises X1, and X1 in turn lowers what?" }) };
    }
    const prompt = /User message: (.*)\n/.exec(user)![1];
    const completion = /Assistant answer: (.*)\n/.exec(user)![1];
    return { content: JSON.stringify({ prompt: `In other words: ${prompt}`, completion: `Put differently, ${completion}` }) };
  });
  process.env.PRODA_LLM_BASE_URL = server.baseURL;
  process.env.PRODA_LLM_MODEL = "scripted-model";
});

afterAll(async () => {
  delete process.env.PRODA_LLM_BASE_URL;
  delete process.env.PRODA_LLM_MODEL;
  await server.close();
});

describe("the optional LLM steps, against a scripted OpenAI-compatible endpoint", () => {
  it("rewords stems naturally through the job, recording the endpoint and the model", async () => {
    const run = await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { reword: true, disciplines: ["economics"] });
    const report = run.result as BenchmarkBuildReport;
    expect(report.reworded).toMatchObject({ model: "scripted-model", reworded: 1, failed: 0 });
    const [item] = await t.db().benchmarkItem.findMany({ where: { benchmarkId: report.benchmarkId } });
    expect(item.stem).toBe("If the money supply rises, it raises X1, and X1 in turn lowers what?");
    const request = server.requests.find((r) => r.body.response_format?.json_schema?.name === "reworded_question")!;
    expect(lastUser(request.body)).toContain("Start concept (must appear): money supply");
  });

  it("paraphrases training instances, keeping every taught concept name", async () => {
    const run = await runInline(t.db(), trainingSetBuildJob, trainingSetBuildHandler, { name: "paraphrased", paraphrase: true, disciplines: ["economics"] });
    const report = run.result as TrainingSetBuildReport;
    expect(report.instances).toBeGreaterThan(5);
    const instances = await t.db().trainingInstance.findMany({ where: { trainingSetId: report.trainingSetId } });
    expect(instances.every((i) => i.prompt.startsWith("In other words: ") && i.completion.startsWith("Put differently, "))).toBe(true);
    const set = await t.db().trainingSet.findUniqueOrThrow({ where: { id: report.trainingSetId } });
    expect(set.settings).toMatchObject({ paraphrase: "default endpoint" });
  });
});

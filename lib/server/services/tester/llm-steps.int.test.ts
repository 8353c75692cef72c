import { beforeAll, describe, expect, it } from "vitest";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { useEnvEndpoint, type ChatBody } from "@/test/openai-server";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";
import type { BenchmarkBuildReport } from "./build-benchmark";

const t = useTestDatabase();
/** the option the scripted verifier finds also right once the answer is removed (none when null) */
let secondAnswer: string | null = null;
const lastUser = (b: ChatBody) => b.messages[b.messages.length - 1].content;

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const d = await t.db().discipline.findUniqueOrThrow({ where: { slug: "economics" } });
  // A chain across families (produces, then is a kind of), with something to invert into, a near miss and a second class above.
  const names = ["central bank", "monetary policy", "economic policy", "public policy", "social policy", "government", "exchange rate", "purchasing power parity"];
  const c = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, (await t.db().concept.create({ data: { disciplineId: d.id, name, canonicalName: name, definition: `${name} is a term of economics.` } })).id] as const)),
  );
  const rel = (s: string, p: string, o: string) => t.db().relation.create({ data: { disciplineId: d.id, subjectId: c[s], predicate: p, objectId: c[o], evidence: `${s} ${p} ${o}.` } });
  const a = await rel("central bank", "produces", "monetary policy");
  const b = await rel("monetary policy", "is_a", "economic policy");
  await rel("economic policy", "is_a", "public policy");
  await rel("social policy", "is_a", "public policy");
  await rel("government", "produces", "central bank");
  await rel("exchange rate", "influences", "purchasing power parity");
  await t.db().chain.create({ data: { disciplineId: d.id, signature: `${a.id},${b.id}`, steps: { create: [{ position: 0, relationId: a.id }, { position: 1, relationId: b.id }] } } });
});

const endpoint = useEnvEndpoint((body) => {
  const user = lastUser(body);
  if (body.response_format?.json_schema?.name === "reworded_question") {
    return { content: JSON.stringify({ question: "The central bank makes a policy of some kind; what broader kind of policy is that?" }) };
  }
  // Verification: with the evidence the scripted model picks the answer; without it, the option
  // the test names as a second right answer, or else the last one ("none of these").
  const letters = [...user.matchAll(/([A-H])\) (.*)/g)];
  if (body.response_format?.json_schema?.name === "item_answer") return { content: JSON.stringify({ answer: letters.find((m) => m[2] === "economic policy")![1], reason: "stated" }) };
  if (body.response_format?.json_schema?.name === "item_second_answer") {
    const pick = secondAnswer ? letters.find((m) => m[2] === secondAnswer) : letters[letters.length - 1];
    return { content: JSON.stringify({ answer: pick![1], reason: "checked" }) };
  }
  const prompt = /User message: (.*)\n/.exec(user)![1];
  const completion = /Assistant answer: (.*)\n/.exec(user)![1];
  return { content: JSON.stringify({ prompt: `In other words: ${prompt}`, completion: `Put differently, ${completion}` }) };
});

describe("the optional LLM steps, against a scripted OpenAI-compatible endpoint", () => {
  it("rewords stems naturally through the job, recording the endpoint and the model", async () => {
    const run = await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { reword: true, disciplines: ["economics"] });
    const report = run.result as BenchmarkBuildReport;
    expect(report.reworded).toMatchObject({ model: "scripted-model", reworded: 1, failed: 0 });
    const [item] = await t.db().benchmarkItem.findMany({ where: { benchmarkId: report.benchmarkId } });
    expect(item.stem).toBe("The central bank makes a policy of some kind; what broader kind of policy is that?");
    expect(report.verified).toMatchObject({ passed: 1, rejected: 0 }); // a reworded stem is verified
    const request = endpoint.server().requests.find((r) => r.body.response_format?.json_schema?.name === "reworded_question")!;
    expect(lastUser(request.body)).toContain("Start concept (must appear): central bank");
  });

  it("verifies items: one the model finds a second right answer in is rejected with the reason", async () => {
    secondAnswer = null;
    const passed = (await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { verify: true, disciplines: ["economics"] })).result as BenchmarkBuildReport;
    expect(passed.verified).toMatchObject({ model: "scripted-model", passed: 1, rejected: 0, failed: 0 });
    expect(passed.items).toBe(1);
    const [item] = await t.db().benchmarkItem.findMany({ where: { benchmarkId: passed.benchmarkId } });
    secondAnswer = (item.options as { text: string; operator: string }[]).find((o) => o.operator !== "ANSWER")!.text;
    const failed = (await runInline(t.db(), benchmarkBuildJob, benchmarkBuildHandler, { verify: true, disciplines: ["economics"] })).result as BenchmarkBuildReport;
    expect(failed.items).toBe(0);
    expect(failed.rejected).toEqual({ [`LLM verification: with the answer removed the model found another right option: “${secondAnswer}”`]: 1 });
    const [rejected] = await t.db().benchmarkItem.findMany({ where: { benchmarkId: failed.benchmarkId } });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: expect.stringContaining(secondAnswer) });
    // With its evidence: the sentences of its chain's relations were in the question the model saw.
    const informed = endpoint.server().requests.filter((r) => r.body.response_format?.json_schema?.name === "item_answer").pop()!;
    expect(lastUser(informed.body)).toContain("- central bank produces monetary policy.");
    secondAnswer = null;
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

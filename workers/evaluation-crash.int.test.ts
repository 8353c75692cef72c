// A real worker process (`node --import tsx workers/main.ts`) killed with SIGKILL in the middle of
// an evaluation run against an endpoint (a scripted OpenAI-compatible server on 127.0.0.1), and
// another worker taking the run back: the run completes with one answer per active item, and the
// only items the endpoint was asked twice are those the first worker held when it died (asked,
// answer never stored): at most the endpoint's concurrency of them, plus READY_AHEAD.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/server/auth/principal";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { resetSecretCache } from "@/lib/server/secrets";
import { READY_AHEAD, type EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import { registerModel } from "@/lib/server/services/models/register-model";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { endpointInput, saveEndpoint } from "@/lib/server/services/settings/endpoints";
import { useTestDatabase } from "@/test/database";
import { workerProcesses, type WorkerProcess as Worker } from "@/test/worker-processes";
import { startOpenAiServer } from "@/test/openai-server";

const t = useTestDatabase();
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-eval-workers-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Short leases so the takeover does not take the production default's 45 s.
const LEASE_ENV = { PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "1", PRODA_JOB_SWEEP_SECONDS: "1" };
// The endpoint's API key is stored encrypted (Settings): this process and the workers share the master key.
const SECRET_ENV = { PRODA_SECRET: "evaluation crash test master key" };

const ITEMS = 400;
const REJECTED = 12;
const CONCURRENCY = 4;
// The endpoint's key is changed between the two workers: each request says which worker sent it,
// and the reply differs by worker, so each stored answer says which worker stored it.
const KEY = { first: "eval-crash-key-of-the-first-worker", second: "eval-crash-key-of-the-second-worker" };
const REPLY = { first: "B", second: "C" };
const ANSWER_INDEX = 1; // "B": the first worker's answers are right, the second's choose option C (TRUNC)

const { workers, startWorker, kill, outputs, waitForMiddle, waitForEnd } = workerProcesses(() => ({ DATABASE_URL: t.url(), PRODA_HOME: home, ...LEASE_ENV, ...SECRET_ENV }), () => t.db());

// Every request the endpoint received: which item it asked, and which worker asked it (by its key).
type Asked = { item: number; by: "first" | "second" };
const itemOf = (user: string) => Number(/Crash item (\d+):/.exec(user)?.[1] ?? NaN);
const workerOf = (authorization: string | string[] | undefined): Asked["by"] =>
  authorization === `Bearer ${KEY.first}` ? "first" : authorization === `Bearer ${KEY.second}` ? "second" : (() => { throw new Error(`unexpected key ${String(authorization)}`); })();

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
const admin: Principal = { userId: "eval-crash-admin", email: "admin@example.test", name: "Admin", role: "ADMIN", via: "cli" };
const savedSecret = process.env.PRODA_SECRET;
let modelVersionId = "";
let benchmarkId = "";
const itemIds = new Map<number, string>(); // position → id, active items only

beforeAll(async () => {
  process.env.PRODA_SECRET = SECRET_ENV.PRODA_SECRET;
  resetSecretCache();
  // 30 to 60 ms per answer: a run takes seconds, so the kill lands with requests in flight.
  server = await startOpenAiServer((_body, n) => {
    const by = workerOf(server.requests[n - 1].headers.authorization);
    return { content: REPLY[by], delayMs: 30 + ((n * 7) % 31) };
  });
  const db = t.db();
  await ensureDefaultDisciplines(db);
  const discipline = await db.discipline.findFirstOrThrow({ where: { slug: "biology" } });
  const benchmark = await db.benchmark.create({ data: { version: 1, name: "crash", status: "FROZEN", seed: 1, report: {}, itemCount: ITEMS, frozenAt: new Date() } });
  benchmarkId = benchmark.id;
  const options = (i: number) => ["INVREL", "ANSWER", "TRUNC", "NEARMISS"].map((operator, k) => ({ text: `option ${k} of item ${i}`, conceptId: `c${i}-${k}`, operator }));
  // Rejected items are interleaved with the active ones: they must never be asked.
  await db.benchmarkItem.createMany({
    data: Array.from({ length: ITEMS + REJECTED }, (_, i) => ({
      benchmarkId: benchmark.id,
      disciplineId: discipline.id,
      position: i,
      stem: `Crash item ${String(i).padStart(4, "0")}: which option follows?`,
      options: options(i),
      answerIndex: ANSWER_INDEX,
      difficulty: 2,
      path: [],
      status: i % Math.floor((ITEMS + REJECTED) / REJECTED) === 5 ? ("REJECTED" as const) : ("ACTIVE" as const),
    })),
  });
  for (const item of await db.benchmarkItem.findMany({ where: { benchmarkId, status: "ACTIVE" }, select: { id: true, position: true } })) itemIds.set(item.position, item.id);
  expect(itemIds.size).toBe(ITEMS);
  await saveEndpoint(db, admin, endpointInput.parse({ name: "crash-endpoint", baseUrl: server.baseURL, model: "crash-model", apiKey: KEY.first, concurrency: CONCURRENCY }));
  modelVersionId = (await registerModel(db, admin, { name: "crash-base", stage: "BASE", endpoint: "crash-endpoint" })).id;
}, 60_000);

afterAll(async () => {
  for (const w of [...workers]) await kill(w, "SIGKILL");
  await server?.close();
  if (savedSecret === undefined) delete process.env.PRODA_SECRET;
  else process.env.PRODA_SECRET = savedSecret;
  resetSecretCache();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("a worker process killed mid-evaluation", () => {
  it("completes the run after the first worker is SIGKILLed at 20-80%, asking again only what was in flight", async () => {
    const run = await enqueueJob(t.db(), modelEvaluateJob, { modelVersionId, benchmarkId }, BY_SYSTEM);
    const first = startWorker("A");
    const middle = await waitForMiddle(run.id);
    await kill(first, "SIGKILL");
    expect(middle.workerId).toMatch(new RegExp(`:${first.pid}:`));

    // From here on every request is the second worker's.
    await saveEndpoint(t.db(), admin, endpointInput.parse({ name: "crash-endpoint", baseUrl: server.baseURL, model: "crash-model", apiKey: KEY.second, concurrency: CONCURRENCY }), (await t.db().endpoint.findUniqueOrThrow({ where: { name: "crash-endpoint" } })).id);
    const second = startWorker("B");
    const done = await waitForEnd(run.id, 180_000);
    expect(done.status, `${done.error}\n${outputs()}`).toBe("SUCCEEDED");
    expect(done.attempts).toBe(2);
    const logs = done.logs.map((l) => l.message).join("\n");
    expect(logs).toMatch(new RegExp(`Its worker \\([^)]*:${first.pid}:[^)]*\\) stopped responding`));

    // Every active item has exactly one answer, and nothing else has one.
    const evaluation = await t.db().evaluationRun.findUniqueOrThrow({ where: { runId: run.id }, include: { answers: { select: { itemId: true, raw: true, correct: true, chosenOperator: true } } } });
    const answers = evaluation.answers;
    expect(answers).toHaveLength(ITEMS);
    expect(new Set(answers.map((a) => a.itemId))).toEqual(new Set(itemIds.values()));

    // What the endpoint was asked, by whom.
    const asked: Asked[] = server.requests.map((r) => ({ item: itemOf(r.body.messages.find((m) => m.role === "user")!.content), by: workerOf(r.headers.authorization) }));
    expect(asked.every((a) => itemIds.has(a.item)), "only active items are asked").toBe(true);
    const askedBy = (by: Asked["by"]) => asked.filter((a) => a.by === by).map((a) => itemIds.get(a.item)!);
    const [byFirst, bySecond] = [askedBy("first"), askedBy("second")];
    // Neither worker asked an item twice.
    expect(new Set(byFirst).size).toBe(byFirst.length);
    expect(new Set(bySecond).size).toBe(bySecond.length);
    expect(byFirst.length).toBeGreaterThan(0);
    expect(bySecond.length).toBeGreaterThan(0);

    // In flight at the kill: asked by the first worker, its answer never stored.
    const storedByFirst = new Set(answers.filter((a) => a.raw === REPLY.first).map((a) => a.itemId));
    const storedBySecond = new Set(answers.filter((a) => a.raw === REPLY.second).map((a) => a.itemId));
    expect(storedByFirst.size + storedBySecond.size).toBe(ITEMS);
    const inFlightAtKill = new Set(byFirst.filter((id) => !storedByFirst.has(id)));
    const askedTwice = new Set(bySecond.filter((id) => byFirst.includes(id)));
    expect([...askedTwice].filter((id) => !inFlightAtKill.has(id)), "asked again although its answer was stored").toEqual([]);
    // What the worker held: requests in flight (the endpoint's concurrency) and the READY_AHEAD more it keeps ready.
    expect(inFlightAtKill.size).toBeLessThanOrEqual(CONCURRENCY + READY_AHEAD);
    // The second worker asked exactly the items without a stored answer, and stored each of its answers.
    expect(new Set(bySecond)).toEqual(new Set([...itemIds.values()].filter((id) => !storedByFirst.has(id))));
    expect(storedBySecond).toEqual(new Set(bySecond));
    expect(logs).toContain(`Resuming: ${storedByFirst.size} of ${ITEMS} items were answered before; asking the other ${ITEMS - storedByFirst.size}`);
    expect(server.maxInFlight()).toBeLessThanOrEqual(CONCURRENCY);

    // The report counts the stored answers: the first worker's right, the second's wrong (option C, a TRUNC distractor).
    const report = done.result as EvaluationReport;
    expect(report).toMatchObject({ total: ITEMS, answered: ITEMS, correct: storedByFirst.size, unparseable: 0 });
    expect(answers.filter((a) => a.raw === REPLY.second).every((a) => !a.correct && a.chosenOperator === "TRUNC")).toBe(true);

    // The last worker stops cleanly on SIGTERM.
    const exited = once(second, "exit");
    second.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
  }, 300_000);
});

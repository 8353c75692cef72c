import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError, EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import type { FineTuneRequest, FineTuneStatus, Trainer } from "@/lib/domain/ports";
import { hyperparametersSchema, isTerminal } from "@/lib/domain/training";
import { startFineTuneServer } from "@/test/fine-tune-server";
import { createTrainer } from "./index";

const KEY = "sk-test-0123456789abcdef";
let server: Awaited<ReturnType<typeof startFineTuneServer>>;
let trainer: Trainer;
beforeEach(async () => {
  server = await startFineTuneServer();
  trainer = createTrainer("openai", { name: "hosted", baseURL: server.baseURL, apiKey: KEY, timeoutMs: 2_000 });
});
afterEach(() => server.close());

const line = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `Question ${i}: what links "α" and é?` }, { role: "assistant", content: `Answer ${i}` }] }) + "\n";
async function* lines(count: number) {
  for (let i = 0; i < count; i++) yield line(i);
}
const request = (runId: string, extra: Partial<FineTuneRequest> = {}): FineTuneRequest => ({
  runId,
  baseModel: "gpt-4.1-mini-2025-04-14",
  suffix: "proda-v1",
  hyperparameters: hyperparametersSchema.parse({ epochs: 4, learningRateMultiplier: 0.5, batchSize: 8, seed: 7, loraRank: 64 }),
  trainingFile: { name: "physics-v1.jsonl", lines: () => lines(3) },
  ...extra,
});
async function pollToEnd(jobId: string): Promise<FineTuneStatus[]> {
  const seen: FineTuneStatus[] = [];
  for (let i = 0; i < 20 && !isTerminal(seen.at(-1)?.state ?? "queued"); i++) seen.push(await trainer.status(jobId));
  return seen;
}

describe("the OpenAI fine-tuning API against a scripted server", () => {
  it("streams a 50,000-line training file as a multipart upload with purpose fine-tune, every line intact", async () => {
    const fileId = await trainer.uploadTrainingFile(request("run-1", { trainingFile: { name: "big.jsonl", lines: () => lines(50_000) } }));
    expect(fileId).toMatch(/^file-/);
    const upload = server.requests[0];
    expect([upload.method, upload.path]).toEqual(["POST", "/v1/files"]);
    // Sent as it was read, not measured first: the body was never held whole.
    expect(upload.headers["transfer-encoding"]).toBe("chunked");
    expect(upload.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(upload.form?.fields).toEqual({ purpose: "fine-tune" });
    const file = upload.form!.files[0];
    expect([file.field, file.filename]).toEqual(["file", "big.jsonl"]);
    const received = file.text.split("\n");
    expect(received.pop()).toBe("");
    expect(received).toHaveLength(50_000);
    expect(received.every((l, i) => l + "\n" === line(i))).toBe(true);
  });

  it("reads the training file only as fast as the server takes it: never held whole in memory", async () => {
    server.interrupt({ stall: true });
    const row = line(0).replace("Question", "Q".repeat(900));
    let produced = 0;
    async function* huge() {
      // about 370 MB if read to the end
      for (let b = 0; b < 200; b++) {
        produced += 2000 * row.length;
        yield row.repeat(2000);
      }
    }
    const controller = new AbortController();
    const upload = trainer.uploadTrainingFile(request("run-1", { trainingFile: { name: "huge.jsonl", lines: huge }, signal: controller.signal })).catch((e) => e);
    await new Promise((r) => setTimeout(r, 1000));
    // What the socket buffers hold, a few MB, not the file.
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(40e6);
    controller.abort(new Error("stop"));
    expect(await upload).toEqual(new Error("stop"));
    // Nor read to the end once abandoned, when the connection goes.
    await server.close();
    server = await startFineTuneServer();
    await new Promise((r) => setTimeout(r, 200));
    expect(produced).toBeLessThan(40e6);
  });

  it("fails an upload with the training file's own error when it cannot be read, not as the endpoint's", async () => {
    async function* broken() {
      yield line(0);
      throw new DomainError("CORRUPT_FILE", "instance 2 is not valid");
    }
    const err = await trainer.uploadTrainingFile(request("run-1", { trainingFile: { name: "x.jsonl", lines: broken } })).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.message).toBe("instance 2 is not valid");
  });

  it("creates the job with the hyperparameters OpenAI takes and the run id in its metadata", async () => {
    const jobId = await trainer.createJob(request("run-1", { metadata: { workspace: "w1" } }), "file-9");
    expect(jobId).toMatch(/^ftjob-/);
    expect(server.requests[0].json).toEqual({
      model: "gpt-4.1-mini-2025-04-14",
      training_file: "file-9",
      suffix: "proda-v1",
      hyperparameters: { n_epochs: 4, learning_rate_multiplier: 0.5, batch_size: 8 },
      seed: 7,
      metadata: { workspace: "w1", proda_run_id: "run-1" },
    });
  });

  it("follows a job through validating, queued and running to the fine-tuned model, with its events oldest first", async () => {
    const jobId = await trainer.createJob(request("run-1"), await trainer.uploadTrainingFile(request("run-1")));
    const seen = await pollToEnd(jobId);
    expect(seen.map((s) => s.state)).toEqual(["queued", "running", "succeeded"]);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({ rawStatus: "succeeded", fineTunedModel: `ft:gpt-4.1-mini-2025-04-14:proda-v1:${jobId}`, error: null, trainedTokens: 12345, progress: 1 });
    expect(done.events.map((e) => e.message)).toEqual(["Job validating_files", "Job queued", "Step 5/10: training loss=0.42", "Job succeeded"]);
    expect(seen[1].progress).toBe(0.5);
    expect(server.requests.find((r) => r.path.endsWith("/events"))?.query).toEqual({ limit: "50" });
  });

  it("shows why a job failed, first line only, with the key and anything like one blanked out", async () => {
    server.plan({ statuses: ["validating_files", "failed"], error: `Line 3 is not a chat example (sent with key ${KEY}, org key sk-proj-AbCdEf123456)\nTraceback: ...` });
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    const [failed] = await pollToEnd(jobId);
    expect(failed.state).toBe("failed");
    expect(failed.error).toBe("Line 3 is not a chat example (sent with key [redacted], org key [redacted])");
    expect(JSON.stringify(failed)).not.toMatch(/sk-test|sk-proj|Traceback/);
  });

  it("cancels a running job, and a second cancel of the finished job is not an error", async () => {
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    await trainer.status(jobId);
    await trainer.cancel(jobId);
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: `/v1/fine_tuning/jobs/${jobId}/cancel` });
    expect((await trainer.status(jobId)).state).toBe("cancelled");
    await expect(trainer.cancel(jobId)).resolves.toBeUndefined();
  });

  it("treats a status it does not know (paused) as unknown, not finished", async () => {
    server.plan({ statuses: ["queued", "paused"] });
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    const s = await trainer.status(jobId);
    expect([s.state, s.rawStatus, isTerminal(s.state)]).toEqual(["unknown", "paused", false]);
  });

  it("finds the job this run created (by its metadata, or its file on a mirror that ignores the filter), and none for another run", async () => {
    const mine = await trainer.createJob(request("run-A"), "file-A");
    await trainer.createJob(request("run-B"), "file-B");
    expect(await trainer.findJob(request("run-A"), "file-A")).toBe(mine);
    expect(server.requests.at(-1)?.query).toEqual({ limit: "100", "metadata[proda_run_id]": "run-A" });
    expect(await trainer.findJob(request("run-C"), "file-C")).toBeNull();
    server.ignoreMetadataFilter();
    expect(await trainer.findJob(request("run-A"), "file-A")).toBe(mine);
    expect(await trainer.findJob(request("run-C"), "file-C")).toBeNull();
  });
});

describe("what a failed request means for the job", () => {
  it("429 is a rate limit with the server's Retry-After", async () => {
    server.interrupt({ status: 429, headers: { "retry-after": "7" } });
    const err = await trainer.status("ftjob-1").catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterMs).toBe(7_000);
  });

  it("500 is retryable", async () => {
    server.interrupt({ status: 500, message: "upstream overloaded" });
    const err = await trainer.createJob(request("run-1"), "file-1").catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.httpStatus).toBe(500);
  });

  it("401 is a refusal that never shows the key, though the server echoed it", async () => {
    server.interrupt({ status: 401, echoKey: true });
    const err = await trainer.uploadTrainingFile(request("run-1")).catch((e) => e);
    expect(err).toBeInstanceOf(EndpointRefusedError);
    expect(err.message).toMatch(/refused the API key \(HTTP 401\)/);
    expect(err.message).not.toContain(KEY);
  });

  it("another 4xx is a refusal carrying the server's reason", async () => {
    const err = await trainer.status("ftjob-404").catch((e) => e);
    expect(err).toBeInstanceOf(EndpointRefusedError);
    expect(err.message).toBe('fine-tuning endpoint "hosted" refused the request (HTTP 404): No fine-tuning job ftjob-404');
  });

  it("the abort signal ends a request in flight with its reason; a timeout is retryable", async () => {
    server.interrupt({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by the user")), 100);
    await expect(trainer.status("ftjob-1", controller.signal)).rejects.toThrow("cancelled by the user");
    const job = new AbortController();
    const bound = createTrainer("openai", { name: "hosted", baseURL: server.baseURL, signal: job.signal });
    server.interrupt({ hang: true });
    setTimeout(() => job.abort(new Error("run cancelled")), 100);
    await expect(bound.uploadTrainingFile(request("run-1", { trainingFile: { name: "big.jsonl", lines: () => lines(1000) } }))).rejects.toThrow("run cancelled");
    server.interrupt({ hang: true });
    const slow = createTrainer("openai", { name: "slow", baseURL: server.baseURL, timeoutMs: 200 });
    const err = await slow.status("ftjob-1").catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.message).toBe('fine-tuning endpoint "slow" did not answer GET /fine_tuning/jobs/ftjob-1 within 200 ms');
  });

  it("an endpoint that cannot be reached is retryable, saying why", async () => {
    const url = server.baseURL;
    await server.close();
    const err = await createTrainer("openai", { name: "down", baseURL: url }).status("ftjob-1").catch((e) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.message).toMatch(/could not be reached: ECONNREFUSED/);
    server = await startFineTuneServer(); // afterEach closes it
  });
});

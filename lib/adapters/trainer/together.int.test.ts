import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import type { FineTuneRequest, FineTuneStatus, Trainer } from "@/lib/domain/ports";
import { hyperparametersSchema, isTerminal } from "@/lib/domain/training";
import { startFineTuneServer } from "@/test/fine-tune-server";
import { createTrainer } from "./index";

const KEY = "tgp_v1_secretsecretsecret";
let server: Awaited<ReturnType<typeof startFineTuneServer>>;
let trainer: Trainer;
beforeEach(async () => {
  server = await startFineTuneServer();
  trainer = createTrainer("together", { name: "together", baseURL: server.baseURL, apiKey: KEY });
});
afterEach(() => server.close());

const line = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `Q${i}` }, { role: "assistant", content: `A${i} — "quoted"` }] }) + "\n";
async function* batches(count: number, size: number) {
  for (let i = 0; i < count; i += size) yield Array.from({ length: Math.min(size, count - i) }, (_, k) => line(i + k)).join("");
}
const request = (runId: string, h: object = { epochs: 2, learningRate: 2e-5, batchSize: 16, loraRank: 8, loraAlpha: 16 }): FineTuneRequest => ({
  runId,
  baseModel: "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
  suffix: "proda-v1",
  hyperparameters: hyperparametersSchema.parse(h),
  trainingFile: { name: "physics-v1.jsonl", lines: () => batches(3, 2) },
});
async function pollToEnd(jobId: string): Promise<FineTuneStatus[]> {
  const seen: FineTuneStatus[] = [];
  for (let i = 0; i < 20 && !isTerminal(seen.at(-1)?.state ?? "queued"); i++) seen.push(await trainer.status(jobId));
  return seen;
}

describe("Together's fine-tuning API against a scripted server", () => {
  it("streams a 50,000-line training file to /files/upload with purpose, file name and type", async () => {
    const fileId = await trainer.uploadTrainingFile({ ...request("run-1"), trainingFile: { name: "big.jsonl", lines: () => batches(50_000, 2000) } });
    expect(fileId).toMatch(/^file-/);
    const upload = server.requests[0];
    expect([upload.method, upload.path, upload.headers["transfer-encoding"]]).toEqual(["POST", "/v1/files/upload", "chunked"]);
    expect(upload.form?.fields).toEqual({ purpose: "fine-tune", file_name: "big.jsonl", file_type: "jsonl" });
    const received = upload.form!.files[0].text.split("\n").slice(0, -1);
    expect(received).toHaveLength(50_000);
    expect(received.every((l, i) => l + "\n" === line(i))).toBe(true);
  });

  it("creates a LoRA job with the hyperparameters, or a full fine-tune", async () => {
    await trainer.createJob(request("run-1"), "file-7");
    expect(server.requests[0].json).toEqual({
      training_file: "file-7",
      model: "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
      n_epochs: 2,
      learning_rate: 2e-5,
      batch_size: 16,
      suffix: "proda-v1",
      training_type: { type: "Lora", lora_r: 8, lora_alpha: 16 },
    });
    await trainer.createJob(request("run-2", { epochs: 1, method: "full" }), "file-8");
    expect(server.requests[1].json).toEqual({ training_file: "file-8", model: "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", n_epochs: 1, suffix: "proda-v1", training_type: { type: "Full" } });
  });

  it("follows a job from pending to completed; the output model is given only once it can be served", async () => {
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    const seen = await pollToEnd(jobId);
    expect(seen.map((s) => `${s.rawStatus}:${s.state}`)).toEqual(["queued:queued", "running:running", "uploading:running", "completed:succeeded"]);
    expect(seen.slice(0, -1).every((s) => s.fineTunedModel === null)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ fineTunedModel: `proda-test/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference-proda-v1-${jobId}`, error: null, trainedTokens: 12345, progress: 1 });
    expect(seen.at(-1)!.events.map((e) => e.message)).toEqual(["Job pending", "Job queued", "Step 5/10: training loss=0.42", "Job uploading", "Job completed"]);
    expect(server.requests.some((r) => r.path === `/v1/fine-tunes/${jobId}/events`)).toBe(true);
  });

  it("shows the error event's message when a job fails, secrets blanked out", async () => {
    server.plan({ statuses: ["pending", "error"], error: `Invalid training file: line 2 has no assistant turn (key ${KEY})\nmore` });
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    const [failed] = await pollToEnd(jobId);
    expect(failed).toMatchObject({ state: "failed", rawStatus: "error", fineTunedModel: null, error: "Invalid training file: line 2 has no assistant turn (key [redacted])" });
    expect(JSON.stringify(failed)).not.toContain(KEY);
  });

  it("cancels: a requested cancel is still running, then cancelled", async () => {
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    await trainer.cancel(jobId);
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: `/v1/fine-tunes/${jobId}/cancel` });
    expect((await pollToEnd(jobId)).map((s) => s.state)).toEqual(["cancelled"]);
    await expect(trainer.cancel(jobId)).resolves.toBeUndefined();
  });

  it("an unknown status is unknown", async () => {
    server.plan({ statuses: ["pending", "hibernating"] });
    const jobId = await trainer.createJob(request("run-1"), "file-1");
    expect((await trainer.status(jobId)).state).toBe("unknown");
  });

  it("finds the job made from this run's file", async () => {
    await trainer.createJob(request("run-B"), "file-B");
    const mine = await trainer.createJob(request("run-A"), "file-A");
    expect(await trainer.findJob(request("run-A"), "file-A")).toBe(mine);
    expect(await trainer.findJob(request("run-C"), "file-C")).toBeNull();
  });

  it("maps 429, 500 and 401 like every endpoint", async () => {
    server.interrupt({ status: 429, headers: { "retry-after": "3" } }, { status: 503 }, { status: 401, echoKey: true });
    const limited = await trainer.status("ft-1").catch((e) => e);
    expect([limited instanceof RateLimitedError, limited.retryAfterMs]).toEqual([true, 3000]);
    const failed = await trainer.status("ft-1").catch((e) => e);
    expect([failed instanceof RetryableError, failed.httpStatus]).toEqual([true, 503]);
    const refused = await trainer.createJob(request("run-1"), "file-1").catch((e) => e);
    expect(refused).toBeInstanceOf(EndpointRefusedError);
    expect(refused.message).not.toContain(KEY);
  });
});

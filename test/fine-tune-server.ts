import http from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

/** How the next request is answered instead of normally (then the script moves on). */
export type Interruption = {
  status?: number;
  headers?: Record<string, string>;
  message?: string;
  /** a 401 whose message repeats the key it was sent, as real servers do */
  echoKey?: boolean;
  /** read the request, never answer */
  hang?: boolean;
  /** read nothing of the request and never answer: a client that streams its body must wait */
  stall?: boolean;
};
/** The statuses a job goes through, one per poll; `error` is the failure's message. */
export type JobPlan = { statuses: string[]; error?: string; fineTunedModel?: string };
export type Recorded = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  json?: Record<string, unknown>;
  form?: { fields: Record<string, string>; files: { field: string; filename: string; mimeType: string; text: string }[] };
  at: number;
};
type Api = "openai" | "together";
type Job = { id: string; api: Api; body: Record<string, unknown>; plan: JobPlan; step: number; createdAt: number; events: { at: number; level: string; type: string; message: string }[] };

const SUCCESS: Record<Api, string[]> = {
  openai: ["validating_files", "queued", "running", "succeeded"],
  together: ["pending", "queued", "running", "uploading", "completed"],
};
const TERMINAL = new Set(["succeeded", "failed", "cancelled", "completed", "error"]);

/**
 * A real fine-tuning server on 127.0.0.1 for tests, speaking both the OpenAI API (/v1/files,
 * /v1/fine_tuning/jobs...) and Together's (/v1/files/upload, /v1/fine-tunes...) in their
 * documented shapes. Jobs move one status along their plan per poll; every request is recorded
 * (multipart bodies parsed with busboy); `interrupt` scripts 429s, 500s, 401s and hangs.
 */
export async function startFineTuneServer() {
  const requests: Recorded[] = [];
  const interruptions: Interruption[] = [];
  const jobs = new Map<string, Job>();
  let nextPlan: JobPlan | null = null;
  let ignoreMetadataFilter = false;
  let clock = Date.UTC(2026, 0, 1) / 1000;
  let n = 0;

  const enter = (job: Job, status: string) => {
    const at = ++clock;
    if (status === "failed" || status === "error") job.events.push({ at, level: "error", type: "job_error", message: job.plan.error ?? "training failed" });
    else job.events.push({ at, level: "info", type: "message", message: status === "running" ? "Step 5/10: training loss=0.42" : `Job ${status}` });
  };
  const status = (job: Job) => job.plan.statuses[job.step];
  const openaiJob = (job: Job) => ({
    object: "fine_tuning.job",
    id: job.id,
    model: job.body.model,
    created_at: job.createdAt,
    status: status(job),
    training_file: job.body.training_file,
    hyperparameters: job.body.hyperparameters,
    metadata: job.body.metadata ?? null,
    seed: job.body.seed ?? 0,
    fine_tuned_model: status(job) === "succeeded" ? (job.plan.fineTunedModel ?? `ft:${job.body.model}:${job.body.suffix ?? "proda"}:${job.id}`) : null,
    trained_tokens: status(job) === "succeeded" ? 12345 : null,
    error: status(job) === "failed" ? { code: "invalid_training_file", message: job.plan.error ?? "training failed", param: "training_file" } : null,
  });
  const togetherJob = (job: Job) => ({
    id: job.id,
    status: status(job),
    created_at: new Date(job.createdAt * 1000).toISOString(),
    updated_at: new Date(clock * 1000).toISOString(),
    model: job.body.model,
    training_file: job.body.training_file,
    suffix: job.body.suffix,
    n_epochs: job.body.n_epochs,
    epochs_completed: Math.min(job.step, Number(job.body.n_epochs ?? 1)),
    model_output_name: job.plan.fineTunedModel ?? `proda-test/${job.body.model}-${job.body.suffix ?? "ft"}-${job.id}`,
    token_count: 12345,
    events: [],
  });
  const asJob = (job: Job) => (job.api === "openai" ? openaiJob(job) : togetherJob(job));

  function route(r: Recorded): [number, unknown] {
    const p = r.path.replace(/^\/v1/, "");
    let m: RegExpExecArray | null;
    if (r.method === "POST" && (p === "/files" || p === "/files/upload")) {
      const file = r.form?.files[0];
      if (!file || (r.form?.fields.purpose ?? "") !== "fine-tune") return [400, { error: { message: "expected a file and purpose=fine-tune" } }];
      return [200, { id: `file-${++n}`, object: "file", bytes: Buffer.byteLength(file.text), created_at: clock, filename: file.filename, purpose: "fine-tune", LineCount: file.text.split("\n").length - 1 }];
    }
    if (r.method === "POST" && (p === "/fine_tuning/jobs" || p === "/fine-tunes")) {
      const api: Api = p === "/fine-tunes" ? "together" : "openai";
      const job: Job = { id: api === "openai" ? `ftjob-${++n}` : `ft-${++n}`, api, body: r.json ?? {}, plan: nextPlan ?? { statuses: SUCCESS[api] }, step: 0, createdAt: ++clock, events: [] };
      jobs.set(job.id, job);
      enter(job, status(job));
      return [200, asJob(job)];
    }
    if (r.method === "GET" && p === "/fine_tuning/jobs") {
      const filters = Object.entries(r.query).flatMap(([k, v]) => (/^metadata\[(.+)\]$/.test(k) && !ignoreMetadataFilter ? [[k.slice(9, -1), v]] : []));
      const list = [...jobs.values()].filter((j) => j.api === "openai" && filters.every(([k, v]) => (j.body.metadata as Record<string, string> | undefined)?.[k] === v));
      return [200, { object: "list", data: list.reverse().map(openaiJob), has_more: false }];
    }
    if (r.method === "GET" && p === "/fine-tunes") return [200, { data: [...jobs.values()].filter((j) => j.api === "together").map(togetherJob) }];
    if ((m = /^\/(?:fine_tuning\/jobs|fine-tunes)\/([^/]+)(\/events|\/cancel)?$/.exec(p))) {
      const job = jobs.get(decodeURIComponent(m[1]));
      if (!job) return [404, { error: { message: `No fine-tuning job ${m[1]}` } }];
      if (r.method === "GET" && !m[2]) {
        if (job.step < job.plan.statuses.length - 1) enter(job, job.plan.statuses[++job.step]);
        return [200, asJob(job)];
      }
      if (r.method === "GET" && m[2] === "/events") {
        if (job.api === "together") return [200, { data: job.events.map((e) => ({ object: "fine-tune-event", created_at: new Date(e.at * 1000).toISOString(), level: e.level, type: e.type, message: e.message })) }];
        // OpenAI lists events newest first.
        return [200, { object: "list", data: [...job.events].reverse().slice(0, Number(r.query.limit ?? 20)).map((e, i) => ({ object: "fine_tuning.job.event", id: `ev-${i}`, created_at: e.at, level: e.level, message: e.message, type: "message" })), has_more: false }];
      }
      if (r.method === "POST" && m[2] === "/cancel") {
        if (TERMINAL.has(status(job))) return [400, { error: { message: `Job ${job.id} has already finished` } }];
        // OpenAI cancels at once; Together first acknowledges the request.
        job.plan = { statuses: job.api === "openai" ? ["cancelled"] : ["cancel_requested", "cancelled"] };
        job.step = 0;
        enter(job, status(job));
        return [200, asJob(job)];
      }
    }
    if (r.method === "POST" && p === "/chat/completions") {
      // The endpoint then serves what it trained: only a succeeded job's model answers (always "A").
      const model = String(r.json?.model ?? "");
      const served = [...jobs.values()].some((j) => TERMINAL.has(status(j)) && (asJob(j) as { fine_tuned_model?: string | null; model_output_name?: string }).fine_tuned_model === model);
      if (!served) return [404, { error: { message: `The model ${model} does not exist`, type: "invalid_request_error" } }];
      return [200, { id: "chatcmpl-ft", object: "chat.completion", created: clock, model, choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "A" } }], usage: { prompt_tokens: 20, completion_tokens: 1, total_tokens: 21 } }];
    }
    return [404, { error: { message: `No route ${r.method} ${r.path}` } }];
  }

  async function record(req: http.IncomingMessage): Promise<Recorded> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const r: Recorded = { method: req.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, at: Date.now() };
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
      const form: NonNullable<Recorded["form"]> = { fields: {}, files: [] };
      await new Promise<void>((resolve, reject) => {
        const bb = busboy({ headers: req.headers, limits: { fileSize: 1024 ** 3 } });
        bb.on("field", (name, value) => (form.fields[name] = value));
        bb.on("file", (field, stream, info) => {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => form.files.push({ field, filename: info.filename ?? "", mimeType: info.mimeType, text: Buffer.concat(chunks).toString("utf8") }));
        });
        bb.on("close", resolve);
        bb.on("error", reject);
        req.pipe(bb);
      });
      r.form = form;
    } else {
      let raw = "";
      for await (const c of req) raw += c;
      if (raw) r.json = JSON.parse(raw) as Record<string, unknown>;
    }
    return r;
  }

  const server = http.createServer(async (req, res) => {
    const cut = interruptions.shift();
    if (cut?.stall) return void req.pause();
    const r = await record(req);
    requests.push(r);
    if (cut?.hang) return; // never answers: the client's timeout or abort must end it
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const [status, body] = cut
      ? [cut.status ?? 500, { error: { message: cut.echoKey ? `Incorrect API key provided: ${key}. You can find your API key in your account.` : (cut.message ?? `scripted ${cut.status ?? 500}`) } }]
      : route(r);
    res.writeHead(status, { "content-type": "application/json", ...(cut?.headers ?? {}) });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    jobs,
    /** the plan of the jobs created from now on (default: through to success) */
    plan: (p: JobPlan | null) => void (nextPlan = p),
    /** answer the next requests with these instead */
    interrupt: (...cuts: Interruption[]) => void interruptions.push(...cuts),
    /** behave like a mirror that lists every job whatever the metadata filter */
    ignoreMetadataFilter: () => void (ignoreMetadataFilter = true),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

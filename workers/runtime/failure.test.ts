import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { classifyFailure, LeaseLostError, WorkerShutdownError } from "./failure";
import { leaseConfig } from "./lease";

describe("classifyFailure", () => {
  it("gives every error one failure class", () => {
    expect(classifyFailure(new DomainError("BAD_INPUT", "no such folder"))).toEqual({ kind: "fatal", reason: "no such folder" });
    expect(classifyFailure(new EndpointRefusedError("refused the API key (HTTP 401)", 401))).toMatchObject({ kind: "fatal" });
    expect(classifyFailure(z.string().safeParse(3).error)).toMatchObject({ kind: "fatal", reason: expect.stringMatching(/^Invalid data: value: /) });
    expect(classifyFailure(new RateLimitedError("HTTP 429", 12_000))).toEqual({ kind: "rate-limited", reason: "HTTP 429", delayMs: 12_000 });
    expect(classifyFailure(new RetryableError("HTTP 503", 503))).toEqual({ kind: "retryable", reason: "HTTP 503" });
    expect(classifyFailure(new Error("connection reset"))).toEqual({ kind: "retryable", reason: "connection reset" });
    expect(classifyFailure(new DomainError("JOB_CANCELLED", "Cancelled by a user"))).toEqual({ kind: "cancelled" });
    expect(classifyFailure(new LeaseLostError("r1", "w1"))).toEqual({ kind: "lost" });
    expect(classifyFailure(new WorkerShutdownError())).toEqual({ kind: "shutdown" });
  });
});

describe("leaseConfig", () => {
  it("defaults to a 30 s lease, a 10 s heartbeat and a sweep every 15 s, tunable by the environment", () => {
    expect(leaseConfig({})).toEqual({ leaseMs: 30_000, heartbeatMs: 10_000, sweepMs: 15_000 });
    expect(leaseConfig({ PRODA_JOB_LEASE_SECONDS: "3", PRODA_JOB_HEARTBEAT_SECONDS: "0.5", PRODA_JOB_SWEEP_SECONDS: "1" })).toEqual({ leaseMs: 3000, heartbeatMs: 500, sweepMs: 1000 });
  });

  it("refuses a heartbeat too slow for its lease", () => {
    expect(() => leaseConfig({ PRODA_JOB_LEASE_SECONDS: "10", PRODA_JOB_HEARTBEAT_SECONDS: "8" })).toThrow(/at most half/);
    expect(() => leaseConfig({ PRODA_JOB_LEASE_SECONDS: "soon" })).toThrow(/Job lease settings/);
  });
});

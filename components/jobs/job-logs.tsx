"use client";

import { useLayoutEffect, useRef } from "react";
import { cx } from "@/lib/client/cx";
import { formatDateTime, formatTime } from "@/lib/client/format";
import type { JobLog } from "@/lib/client/jobs";

const levelClass: Record<string, string> = {
  info: "text-zinc-300",
  warn: "text-amber-300",
  error: "text-red-400",
};

/** The run's log, following new lines as they arrive unless the reader has scrolled up. */
export function JobLogs({ logs, live }: { logs: JobLog[]; live: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [logs.length]);

  return (
    <div className="overflow-hidden rounded-md border border-zinc-800 bg-zinc-950">
      <div className="flex items-center justify-between border-b border-zinc-800 px-3 py-1.5 text-[11px] text-zinc-500">
        <span>
          {logs.length} line{logs.length === 1 ? "" : "s"}
        </span>
        {live && <span className="text-sky-400">following</span>}
      </div>
      <div
        ref={box}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="max-h-80 min-h-24 overflow-y-auto py-1.5"
      >
        {logs.length === 0 ? (
          <p className="px-3 py-2 font-mono text-xs text-zinc-500">No log lines yet.</p>
        ) : (
          <ol aria-label="Job logs" data-testid="job-logs" className="font-mono text-xs leading-5">
            {logs.map((l) => (
              <li
                key={l.id}
                data-testid="log-line"
                data-level={l.level}
                className={cx("flex gap-3 px-3 hover:bg-white/5", l.level === "error" && "bg-red-500/10", l.level === "warn" && "bg-amber-400/5")}
              >
                <time dateTime={l.at} title={formatDateTime(l.at)} className="shrink-0 text-zinc-500 tabular-nums">
                  {formatTime(l.at)}
                </time>
                <span className={cx("w-10 shrink-0 uppercase", levelClass[l.level] ?? levelClass.info, l.level === "info" && "text-zinc-500")}>
                  {l.level}
                </span>
                <span className={cx("min-w-0 break-words whitespace-pre-wrap", levelClass[l.level] ?? levelClass.info)}>{l.message}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

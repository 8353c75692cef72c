/**
 * One call's signal, aborted with the reason of whichever of `parents` aborts first. Released
 * after the call: a job's signal lives for the whole run, and a listener left on it for every
 * request would pile up.
 */
export function callSignal(parents: (AbortSignal | undefined)[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const links = parents.filter((s): s is AbortSignal => !!s).map((parent) => {
    const abort = () => controller.abort(parent.reason);
    if (parent.aborted) abort();
    else parent.addEventListener("abort", abort, { once: true });
    return () => parent.removeEventListener("abort", abort);
  });
  return { signal: controller.signal, release: () => links.forEach((unlink) => unlink()) };
}

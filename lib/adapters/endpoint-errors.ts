import { EndpointRefusedError } from "@/lib/domain/errors";

/**
 * The first line of an error's message with the key and anything shaped like one blanked out:
 * what an endpoint answered may be shown to users and logged, and servers echo what they were sent.
 */
export function redacted(e: unknown, apiKey: string | null | undefined): string {
  let text = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  if (apiKey && apiKey.length >= 4) text = text.split(apiKey).join("[redacted]");
  return text.replace(/\b(sk|proda)[-_][\w*.-]{4,}/gi, "[redacted]");
}

/**
 * What a failed request means for the job (lib/domain/errors.ts): a refusal fails it at once;
 * a 401/403 says nothing of what the server answered, since servers echo the key they were sent.
 */
export function refusal(where: string, status: number | undefined, detail: string): EndpointRefusedError {
  if (status === 401 || status === 403) {
    return new EndpointRefusedError(`${where} refused the API key (HTTP ${status}): check the endpoint's key and access in Settings`, status);
  }
  return new EndpointRefusedError(`${where} refused the request (HTTP ${status}): ${detail}`, status);
}

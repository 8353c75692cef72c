import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { fetchJson } from "./api";
import { isActiveStatus, jobKeys, useJobRun, type JobRunRow, type JobStatus } from "./jobs";

export type Discipline = { id: string; slug: string; name: string };
export type CorpusTotals = { documents: number; chunks: number; tokens: number };
export type DisciplineStats = Discipline & CorpusTotals;
export type CorpusStats = { disciplines: DisciplineStats[]; total: CorpusTotals };

export type DocumentSummary = {
  id: string;
  title: string;
  sourcePath: string;
  format: string;
  license: string | null;
  source: string | null;
  tokens: number;
  chunkCount: number;
  createdAt: string;
  updatedAt: string;
  discipline: { slug: string; name: string };
};
export type DocumentDetail = Omit<DocumentSummary, "updatedAt"> & { meta: Record<string, unknown> | null };
export type Chunk = { id: string; ordinal: number; heading: string | null; text: string; tokens: number };
export type Page<T> = { items: T[]; nextCursor: string | null };
export type DocumentResponse = { document: DocumentDetail; chunks: Page<Chunk> };
export type DocumentFilters = { discipline?: string; q?: string };

// Types only: the report's shape is defined once, by the server that writes it.
export { DROP_REASONS, type DropReason } from "@/lib/domain/corpus/types";
export type { ImportError, ImportReport } from "@/lib/server/services/corpus/import-report";
import type { ImportReport } from "@/lib/server/services/corpus/import-report";
export type ImportPayload = {
  source?: { kind: "path"; path: string } | { kind: "upload" };
  discipline?: string;
  label?: string;
};
export type ImportRun = {
  id: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
  payload: ImportPayload;
  result: Partial<ImportReport> | null;
  createdAt: string;
  finishedAt: string | null;
};

const EMPTY_REPORT: ImportReport = {
  total: 0, processed: 0, documents: 0, updated: 0, chunks: 0, tokens: 0, disciplines: 0, unchanged: 0,
  dropped: {}, droppedSamples: [], skipped: [], errors: [], byDiscipline: {},
};

/** A running import saves a partial report; fill the gaps so views never check each field. */
export const toReport = (result: unknown): ImportReport | null =>
  result && typeof result === "object" ? { ...EMPTY_REPORT, ...(result as Partial<ImportReport>) } : null;

export const disciplineKeys = {
  all: ["disciplines"] as const,
  list: () => [...disciplineKeys.all, "list"] as const,
};

export const corpusKeys = {
  all: ["corpus"] as const,
  stats: () => [...corpusKeys.all, "stats"] as const,
  documentLists: () => [...corpusKeys.all, "documents"] as const,
  documents: (filters: DocumentFilters) => [...corpusKeys.documentLists(), filters] as const,
  documentDetails: () => [...corpusKeys.all, "document"] as const,
  document: (id: string) => [...corpusKeys.documentDetails(), id] as const,
  imports: () => [...corpusKeys.all, "imports"] as const,
};

export function useDisciplines() {
  return useQuery({
    queryKey: disciplineKeys.list(),
    queryFn: ({ signal }) => fetchJson<{ items: Discipline[] }>("/api/disciplines", { signal }),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

/**
 * A discipline's name for a slug, for what people read (labels, descriptions, messages): slugs
 * stay in URLs and JSON. Until the list loads (or for a value that is no slug) the value itself.
 */
export function useDisciplineName(): (slug: string) => string {
  const { data } = useDisciplines();
  return useMemo(() => {
    const names = new Map((data ?? []).map((d) => [d.slug, d.name]));
    return (slug: string) => names.get(slug) ?? slug;
  }, [data]);
}

export function useCorpusStats() {
  return useQuery({
    queryKey: corpusKeys.stats(),
    queryFn: ({ signal }) => fetchJson<CorpusStats>("/api/corpus/stats", { signal }),
  });
}

const DOCUMENTS_PAGE = 50;
const CHUNKS_PAGE = 20;

export function useDocuments(filters: DocumentFilters) {
  return useInfiniteQuery({
    queryKey: corpusKeys.documents(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<DocumentSummary>>("/api/corpus/documents", {
        query: { discipline: filters.discipline, q: filters.q, cursor: pageParam, limit: DOCUMENTS_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Typing in the search box keeps the current rows until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | null) {
  return useInfiniteQuery({
    queryKey: corpusKeys.document(id ?? ""),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<DocumentResponse>(`/api/corpus/documents/${encodeURIComponent(id!)}`, {
        query: { cursor: pageParam, limit: CHUNKS_PAGE },
        signal,
      }),
    enabled: !!id,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.chunks.nextCursor ?? undefined,
  });
}

/** A finished import changes counts, documents, chunks and possibly the discipline list. */
function invalidateCorpusContent(qc: QueryClient) {
  const keys = [corpusKeys.stats(), corpusKeys.documentLists(), corpusKeys.documentDetails(), disciplineKeys.all];
  return Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

const IMPORTS_ACTIVE_POLL_MS = 1500;
// Slow heartbeat so imports started from the CLI show up without a reload.
const IMPORTS_IDLE_POLL_MS = 15_000;

export function useImports() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: corpusKeys.imports(),
    queryFn: ({ signal }) => fetchJson<{ items: ImportRun[] }>("/api/corpus/imports", { signal }),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => isActiveStatus(r.status)) ? IMPORTS_ACTIVE_POLL_MS : IMPORTS_IDLE_POLL_MS,
  });

  // Refresh corpus content once per run that we saw active and now see finished.
  const activeIds = useRef<Set<string> | null>(null);
  const items = query.data?.items;
  useEffect(() => {
    if (!items) return;
    const nowActive = new Set(items.filter((r) => isActiveStatus(r.status)).map((r) => r.id));
    const prev = activeIds.current;
    activeIds.current = nowActive;
    if (prev && [...prev].some((id) => !nowActive.has(id))) void invalidateCorpusContent(qc);
  }, [items, qc]);

  return query;
}

/** Polls the run an upload just started; when it ends, the import list and corpus content refresh. */
export function useTrackedImport(runId: string | null) {
  const qc = useQueryClient();
  const query = useJobRun(runId);
  const status = query.data?.run.status;
  const finished = !!status && !isActiveStatus(status);
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: corpusKeys.imports() });
    void invalidateCorpusContent(qc);
  }, [finished, runId, qc]);
  return query;
}

export type StartImportInput = { files: File[]; discipline: string };

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, discipline }: StartImportInput) => {
      const form = new FormData();
      for (const f of files) form.append("files", f, f.name);
      if (discipline) form.append("discipline", discipline);
      return fetchJson<JobRunRow>("/api/corpus/imports", { method: "POST", body: form });
    },
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: corpusKeys.imports() }), qc.invalidateQueries({ queryKey: jobKeys.lists() })]),
  });
}

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { RequestError } from "@/lib/http/request-error";
import type { TreeChange } from "@/lib/versions/diff-trees";
import type { Result } from "@/lib/result";
import type { Comparison } from "@/lib/versions/compare-trees";

export const DRAFT_REF = "draft";

/** Every compare query of a project sits under `all`. */
export const compareKeys = {
  all: (slug: string) => ["projects", slug, "compare"] as const,
  comparison: (slug: string, from: string, to: string) => [...compareKeys.all(slug), "changes", { from, to }] as const,
  /** A file's text on one side; the content hash makes a draft file edited since a new entry. */
  content: (slug: string, ref: string, path: string, hash: string) =>
    [...compareKeys.all(slug), "content", { ref, path, hash }] as const,
};

function projectUrl(slug: string, suffix: string) {
  return `/api/projects/${encodeURIComponent(slug)}${suffix}`;
}

export function fetchComparison(slug: string, from: string, to: string, signal?: AbortSignal): Promise<Comparison> {
  return getJson<Comparison>(projectUrl(slug, `/compare?${new URLSearchParams({ from, to })}`), signal);
}

export async function fetchSideContent(slug: string, ref: string, path: string, signal?: AbortSignal): Promise<string> {
  const query = new URLSearchParams({ path });
  const url =
    ref === DRAFT_REF
      ? projectUrl(slug, `/files/content?${query}`)
      : projectUrl(slug, `/versions/${encodeURIComponent(ref)}/files?${query}`);
  return (await getJson<{ content: string }>(url, signal)).content;
}

const DRAFT_FRESH_MS = 3_000;

function involvesDraft(from: string, to: string) {
  return from === DRAFT_REF || to === DRAFT_REF;
}

/**
 * The comparison of two sides. `seeded` is what the server found while rendering the page for
 * these sides: its comparison starts the cache, and its error (an unknown version) is final.
 */
export function useComparison(slug: string, from: string, to: string, seeded: Result<Comparison> | undefined) {
  const draft = involvesDraft(from, to);
  return useQuery({
    queryKey: compareKeys.comparison(slug, from, to),
    queryFn: ({ signal }) => fetchComparison(slug, from, to, signal),
    initialData: seeded?.ok ? seeded.value : undefined,
    enabled: seeded?.ok !== false,
    // Versions never change; the draft may have been edited since this was cached (a few
    // seconds spare the answer the server just rendered a second request).
    staleTime: draft ? DRAFT_FRESH_MS : Infinity,
    refetchOnWindowFocus: draft,
    // While other sides load, the previous list stays on screen instead of a skeleton.
    placeholderData: keepPreviousData,
    // A refusal (an unknown version) stays one; a network failure gets one more try.
    retry: (count, error) => !(error instanceof RequestError && error.code !== null) && count < 1,
  });
}

/** One side's text of a file; empty, without a request, where the file does not exist on that side. */
function useSideContent(slug: string, ref: string, path: string, hash: string | null) {
  return useQuery({
    queryKey: compareKeys.content(slug, ref, path, hash ?? ""),
    queryFn: ({ signal }) => fetchSideContent(slug, ref, path, signal),
    enabled: hash !== null,
    // Keyed by content hash, so the cached text is right for as long as the hash is.
    staleTime: Infinity,
    retry: 1,
  });
}

export interface FileSides {
  original: string;
  modified: string;
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

/**
 * Both texts of one changed file, fetched only once it is selected. An unchanged file is
 * read from one side only.
 */
export function useFileSides(slug: string, from: string, to: string, change: TreeChange): FileSides {
  const same = change.status === "unchanged";
  const original = useSideContent(slug, from, change.path, change.fromHash);
  const modified = useSideContent(slug, to, change.path, same ? null : change.toHash);
  const queries: Array<typeof original> = [];
  if (change.fromHash !== null) queries.push(original);
  if (!same && change.toHash !== null) queries.push(modified);
  return {
    original: original.data ?? "",
    modified: (same ? original.data : modified.data) ?? "",
    isPending: queries.some((query) => query.isPending),
    error: queries.find((query) => query.error)?.error ?? null,
    retry: () => queries.forEach((query) => query.isError && void query.refetch()),
  };
}

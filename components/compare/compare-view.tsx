"use client";

import { useState } from "react";
import { useVersionList } from "@/components/versions/queries";
import { RequestError } from "@/lib/http/request-error";
import type { ErrorCode, Result } from "@/lib/result";
import type { Comparison, CompareSide } from "@/lib/versions/compare-trees";
import { refOf, selectedChange, sideLabel, versionLabel } from "./change-groups";
import { ChangeList } from "./change-list";
import { CompareHeader } from "./compare-header";
import { CompareError, CompareLoading, NoDifferences } from "./compare-states";
import { FileDiffPane } from "./file-diff-pane";
import { DRAFT_REF, useComparison } from "./queries";
import { useCompareParams } from "./use-compare-params";

interface CompareViewProps {
  project: { slug: string; name: string };
  /** The comparison the server rendered the page with, for the sides in its URL. */
  initial: { from: string; to: string; result: Result<Comparison> };
}

/** The Compare page: two sides chosen in the header, the files that differ, and one file's diff. */
export function CompareView({ project, initial }: CompareViewProps) {
  const { slug } = project;
  const { from, to, file, setSides, selectFile } = useCompareParams();
  const seeded = initial.from === from && initial.to === to ? initial.result : undefined;
  const comparison = useComparison(slug, from, to, seeded);
  const failure = seeded?.ok === false ? seeded.error : comparison.isError ? domainError(comparison.error) : null;
  const [inline, setInline] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const fromLabel = useRefLabel(slug, from, comparison.data?.from);
  const toLabel = useRefLabel(slug, to, comparison.data?.to);

  const data = failure ? undefined : comparison.data;
  const selected = data ? selectedChange(data.changes, file) : null;
  const workspaceHref = `/projects/${encodeURIComponent(slug)}${selected ? `?${new URLSearchParams({ file: selected.path })}` : ""}`;

  // A link to an unchanged file shows the unchanged files; hiding them moves to the first change.
  const unchangedShown = showUnchanged || selected?.status === "unchanged";
  function toggleUnchanged() {
    if (unchangedShown && selected?.status === "unchanged") selectFile(null);
    setShowUnchanged(!unchangedShown);
  }

  let body;
  if (failure) {
    body = (
      <CompareError
        message={failure.message}
        notFound={failure.code === "not_found"}
        workspaceHref={workspaceHref}
        onRetry={() => void comparison.refetch()}
      />
    );
  } else if (!data) {
    body = <CompareLoading />;
  } else {
    // With the previous comparison still on screen, the diff must use the sides it was made for.
    const [shownFrom, shownTo] = [sideLabel(data.from), sideLabel(data.to)];
    body = (
      <div className="flex min-h-0 flex-1">
        <ChangeList
          comparison={data}
          selectedPath={selected?.path ?? null}
          onSelect={selectFile}
          showUnchanged={unchangedShown}
          onToggleUnchanged={toggleUnchanged}
          stale={comparison.isPlaceholderData}
        />
        {selected ? (
          <FileDiffPane
            slug={slug}
            from={refOf(data.from)}
            to={refOf(data.to)}
            fromLabel={shownFrom}
            toLabel={shownTo}
            change={selected}
            inline={inline}
            onToggleInline={() => setInline(!inline)}
          />
        ) : (
          <NoDifferences
            fromLabel={shownFrom}
            toLabel={shownTo}
            sameSide={refOf(data.from) === refOf(data.to)}
            fileCount={data.changes.length}
          />
        )}
      </div>
    );
  }

  return (
    <div className="flex h-dvh flex-col">
      <CompareHeader
        slug={slug}
        projectName={project.name}
        from={from}
        to={to}
        fromLabel={fromLabel}
        toLabel={toLabel}
        workspaceHref={workspaceHref}
        onChange={setSides}
      />
      <main className="flex min-h-0 flex-1 flex-col">{body}</main>
    </div>
  );
}

/** What went wrong, with the server's error code where it gave one. */
function domainError(error: Error): { code: ErrorCode | null; message: string } {
  return { code: error instanceof RequestError ? error.code : null, message: error.message };
}

/** How a side reads in its picker: from the comparison once loaded, before that from the version list. */
function useRefLabel(slug: string, ref: string, loaded: CompareSide | undefined): string | null {
  const { versions } = useVersionList(slug, "");
  if (ref === DRAFT_REF) return sideLabel({ kind: "draft" });
  if (loaded && refOf(loaded) === ref) return sideLabel(loaded);
  const listed = versions.find((version) => version.id === ref);
  return listed ? versionLabel(listed) : null;
}

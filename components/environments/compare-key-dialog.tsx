"use client";

import { Dialog } from "@/components/ui/dialog";
import type { KeyAcrossEnvironmentsJson } from "@/lib/environments/environment-json";
import { LoadFailed } from "./load-failed";
import { useKeyAcrossEnvironments } from "./queries";

type Row = KeyAcrossEnvironmentsJson["environments"][number];

/** One key in every environment: plain values shown, a secret only as the same value as others or a different one. */
export function CompareKeyDialog({ slug, settingKey, onClose }: { slug: string; settingKey: string | null; onClose: () => void }) {
  const compared = useKeyAcrossEnvironments(slug, settingKey);
  return (
    <Dialog
      open={settingKey !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`${settingKey ?? ""} across environments`}
      description="Secret values are never shown: only whether they are the same."
    >
      {compared.isPending ? (
        <p className="text-sm text-slate-600">Comparing…</p>
      ) : compared.isError ? (
        <LoadFailed what="The comparison" message={compared.error.message} onRetry={() => void compared.refetch()} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
          {compared.data.environments.map((row) => (
            <li key={row.environment.id} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
              <span className="font-medium text-slate-900">{row.environment.name}</span>
              <span className="min-w-0 max-w-full truncate font-mono text-slate-700">{describe(row, compared.data.environments)}</span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function describe(row: Row, all: Row[]): string {
  if (!row.present) return "not set";
  const same = all.filter((other) => other !== row && other.present && other.group !== null && other.group === row.group).map((other) => other.environment.name);
  if (!row.secret) return same.length > 0 ? `${row.value ?? ""} (same as ${same.join(", ")})` : (row.value ?? "");
  if (row.group === null) return "secret, cannot be decrypted with the current key";
  const others = all.filter((other) => other !== row && other.present).length;
  if (same.length > 0) return `secret, same as ${same.join(", ")}`;
  return others > 0 ? "secret, different from the others" : "secret, set only here";
}

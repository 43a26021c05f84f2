"use client";

import { useId, useState } from "react";
import { usePermission } from "@/components/auth/project-actor";
import { Button } from "@/components/ui/button";
import { DeleteSettingDialog } from "./delete-setting-dialog";
import { LoadFailed } from "./load-failed";
import { useEnvironmentSettings } from "./queries";
import { SettingForm } from "./setting-form";
import type { EnvironmentSettingJson } from "@/lib/environments/environment-json";

/** One environment's connections and credentials: plain values in full, secrets masked. */
export function SettingsPanel({
  slug,
  environmentId,
  environmentName,
  isProtected = false,
}: {
  slug: string;
  environmentId: string;
  environmentName: string;
  /** A protected environment's settings need a Release manager or Admin. */
  isProtected?: boolean;
}) {
  const headingId = useId();
  const permission = usePermission(isProtected ? "edit_protected_settings" : "edit_settings");
  const settings = useEnvironmentSettings(slug, environmentId);
  // One form at a time: the new setting, or the key being replaced.
  const [editing, setEditing] = useState<{ kind: "new" } | { kind: "replace"; key: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  // What the last save left for the user to do; it outlives the form that closed on saving.
  const [warning, setWarning] = useState<string | null>(null);
  const formProps = {
    slug,
    environmentId,
    environmentName,
    onDone: (saveWarning?: string) => {
      setEditing(null);
      setWarning(saveWarning ?? null);
    },
    onCancel: () => setEditing(null),
  };

  let body;
  if (settings.isPending) body = <p className="text-sm text-slate-600">Loading settings…</p>;
  else if (settings.isError) {
    body = <LoadFailed what="The settings" message={settings.error.message} onRetry={() => void settings.refetch()} />;
  } else if (settings.data.length === 0) body = <p className="text-sm text-slate-600">{environmentName} has no settings yet.</p>;
  else {
    body = (
      <ul aria-labelledby={headingId} className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {settings.data.map((setting) =>
          editing?.kind === "replace" && editing.key === setting.key ? (
            <li key={setting.key} className="p-2">
              <SettingForm {...formProps} existing={setting} />
            </li>
          ) : (
            <SettingRow
              key={setting.key}
              setting={setting}
              editable={permission.allowed}
              onReplace={() => setEditing({ kind: "replace", key: setting.key })}
              onDelete={() => setDeleting(setting.key)}
            />
          ),
        )}
      </ul>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Settings
        </h3>
        {editing?.kind !== "new" && permission.allowed ? (
          <Button size="sm" variant="secondary" onClick={() => setEditing({ kind: "new" })}>
            New setting
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-slate-600">Connections and credentials for {environmentName} only. Secrets are stored encrypted and never shown in full.</p>
      {permission.reason ? <p className="text-xs text-slate-700">{permission.reason}</p> : null}
      {warning ? <SaveWarning message={warning} onDismiss={() => setWarning(null)} /> : null}
      {editing?.kind === "new" ? <SettingForm {...formProps} /> : null}
      {body}
      <DeleteSettingDialog
        slug={slug}
        environmentId={environmentId}
        environmentName={environmentName}
        settingKey={deleting}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}

function SaveWarning({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="status" className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      <p className="min-w-0 flex-1">{message}</p>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}

function SettingRow({
  setting,
  editable,
  onReplace,
  onDelete,
}: {
  setting: EnvironmentSettingJson;
  editable: boolean;
  onReplace: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
      <code className="font-mono font-medium text-slate-900">{setting.key}</code>
      {setting.isSecret ? (
        <>
          <span className="font-mono text-slate-700">
            <span className="sr-only">secret value </span>
            {setting.maskedValue}
          </span>
          <span className="rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-700 ring-1 ring-inset ring-slate-200">secret</span>
          {!setting.readable ? (
            <span className="text-xs text-red-800" title="It was encrypted with another key: replace it.">
              cannot be decrypted with the current key
            </span>
          ) : null}
        </>
      ) : (
        <span className="min-w-0 max-w-full truncate font-mono text-slate-700" title={setting.value}>
          {setting.value === "" ? <span className="italic text-slate-500">(empty)</span> : setting.value}
        </span>
      )}
      <span className={editable ? "ml-auto flex gap-1" : "hidden"}>
        <Button size="sm" variant="ghost" aria-label={`Replace ${setting.key}`} onClick={onReplace}>
          Replace
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Delete ${setting.key}`} onClick={onDelete} className="text-red-700 hover:bg-red-50">
          Delete
        </Button>
      </span>
    </li>
  );
}

"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { TextField } from "@/components/ui/field";
import { environmentSettingInputSchema } from "@/lib/environments/schemas";
import { fieldErrors } from "@/lib/validation";
import { useSetSetting } from "./use-environment-actions";
import type { EnvironmentSettingJson } from "@/lib/environments/environment-json";

interface SettingFormProps {
  slug: string;
  environmentId: string;
  environmentName: string;
  /** Absent to add a setting; the setting being replaced otherwise. */
  existing?: EnvironmentSettingJson;
  /** Called once saved, with what the user still has to do about it (rotate an exposed value). */
  onDone: (warning?: string) => void;
  onCancel: () => void;
}

interface Errors {
  key?: string;
  value?: string;
  form?: string;
}

/**
 * Adds or replaces one setting. A secret's current value is never filled in (the browser
 * only has its mask): replacing a secret means typing the new value.
 */
export function SettingForm({ slug, environmentId, environmentName, existing, onDone, onCancel }: SettingFormProps) {
  const [key, setKey] = useState(existing?.key ?? "");
  const [value, setValue] = useState(existing && !existing.isSecret ? existing.value : "");
  const [isSecret, setIsSecret] = useState(existing?.isSecret ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const save = useSetSetting(slug, environmentId);
  const failureMessage = useFailureMessage();
  const secretId = useId();
  const mode = existing ? "replace" : "create";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = environmentSettingInputSchema.safeParse({ key, value, isSecret });
    if (!parsed.success) {
      const { key, value } = fieldErrors(parsed.error);
      return setErrors({ key, value });
    }
    setErrors({});
    try {
      const result = await save.mutateAsync({ ...parsed.data, mode });
      if (result.ok) return onDone(result.value.warning);
      const { fields, message } = result.error;
      setErrors(fields?.key || fields?.value ? { key: fields.key, value: fields.value } : { form: message });
    } catch (error) {
      setErrors({ form: failureMessage("The setting was not saved.", error) ?? undefined });
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={save.isPending} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      {existing ? (
        <p className="text-sm font-medium text-slate-800">
          Replace <code className="font-mono">{existing.key}</code> in {environmentName}
        </p>
      ) : (
        <TextField
          label="Key"
          name="key"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="ERP_API_TOKEN"
          className="font-mono"
          value={key}
          onChange={(event) => {
            setKey(event.target.value);
            setErrors((current) => ({ ...current, key: undefined }));
          }}
          error={errors.key}
        />
      )}
      <TextField
        label={existing ? `New value for ${existing.key}` : "Value"}
        name="value"
        type={isSecret ? "password" : "text"}
        autoComplete="off"
        spellCheck={false}
        autoFocus={existing !== undefined}
        className="font-mono"
        placeholder={existing?.isSecret ? "Enter the new secret value" : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setErrors((current) => ({ ...current, value: undefined }));
        }}
        error={errors.value}
        hint={isSecret ? "Stored encrypted. After saving, only its last 4 characters are ever shown." : undefined}
      />
      <div className="flex items-center gap-2">
        <input
          id={secretId}
          type="checkbox"
          checked={isSecret}
          onChange={(event) => setIsSecret(event.target.checked)}
          className="h-4 w-4 accent-indigo-600"
        />
        <label htmlFor={secretId} className="text-sm text-slate-800">
          Secret
        </label>
      </div>
      <FormError>{errors.form}</FormError>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" type="submit" variant="primary" aria-disabled={save.isPending} className="aria-disabled:opacity-70">
          {existing ? `Save ${existing.key}` : "Add setting"}
        </Button>
      </div>
    </form>
  );
}

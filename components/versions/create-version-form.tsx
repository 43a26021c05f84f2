"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { addVersionName } from "@/components/naming/queries";
import { usePrefilledVersionName } from "@/components/naming/use-name-suggestions";
import { VersionNameField } from "@/components/naming/version-name-field";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { NamingConvention } from "@/lib/naming/conventions";
import { createVersionInputSchema, MAX_DESCRIPTION_LENGTH } from "@/lib/versions/schemas";
import type { VersionJson } from "@/lib/versions/version-json";
import { useCreateVersion } from "./use-create-version";

interface FormErrors {
  name?: string;
  description?: string;
  form?: string;
}

const UNSAVED_MESSAGE =
  "Your latest edits could not be saved, so no version was created. They are kept in this browser; try again in a moment.";
const UNREACHABLE_MESSAGE = "No version was created: the server could not be reached or ran into a problem. Try again in a moment.";

interface CreateVersionFormProps {
  slug: string;
  convention: NamingConvention;
  onCreated: (version: VersionJson) => void;
  onCancel: () => void;
}

/**
 * Name (prefilled with the convention's suggestion) and description; the server has the last
 * word on both. A name against the convention only gets a warning.
 */
export function CreateVersionForm({ slug, convention, onCreated, onCancel }: CreateVersionFormProps) {
  const [description, setDescription] = useState("");
  const { name, setName, existingNames } = usePrefilledVersionName({ slug, convention, description });
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const createVersion = useCreateVersion(slug);
  const pending = createVersion.isPending;

  function showErrors(next: FormErrors) {
    setErrors(next);
    const invalidField = next.name ? "name" : next.description ? "description" : null;
    if (invalidField) (formRef.current?.elements.namedItem(invalidField) as HTMLElement | null)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = createVersionInputSchema.safeParse({ name, description });
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      showErrors({ name: fields.name, description: fields.description });
      return;
    }
    setErrors({});
    try {
      const outcome = await createVersion.mutateAsync({ name, description });
      if (outcome.status === "created") {
        addVersionName(queryClient, slug, outcome.version.name);
        onCreated(outcome.version);
      } else if (outcome.status === "unsaved") {
        showErrors({ form: UNSAVED_MESSAGE });
      } else {
        const { fields, message } = outcome.error;
        const fieldErrors = { name: fields?.name, description: fields?.description };
        showErrors(fieldErrors.name || fieldErrors.description ? fieldErrors : { form: message });
      }
    } catch {
      showErrors({ form: UNREACHABLE_MESSAGE });
    }
  }

  function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const descriptionLength = description.trim().length;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <VersionNameField
        value={name}
        onChange={(next) => {
          setName(next);
          setErrors((current) => ({ ...current, name: undefined }));
        }}
        convention={convention}
        existingNames={existingNames}
        description={description}
        error={errors.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={4}
        placeholder="Why this version? For example: Added retry logic to order sync workflow"
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
          setErrors((current) => ({ ...current, description: undefined }));
        }}
        onKeyDown={submitOnModEnter}
        error={errors.description}
        hint={
          <span className={descriptionLength > MAX_DESCRIPTION_LENGTH ? "font-medium text-red-700" : undefined}>
            Optional. {descriptionLength.toLocaleString("en")} / {MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters
          </span>
        }
      />
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-2">
        <p role="status" className="mr-auto text-xs text-slate-600">
          {pending ? "Saving your edits and creating the version…" : ""}
        </p>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" aria-disabled={pending} className="aria-disabled:opacity-70">
          Create version
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { addVersionName } from "@/components/naming/queries";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { useUnchangedSince } from "@/components/workspace/draft-status-queries";
import type { NamingConvention } from "@/lib/naming/conventions";
import type { VersionJson } from "@/lib/versions/version-json";
import { useCreateVersion } from "./use-create-version";
import { useVersionFields, VersionFields, type VersionFieldErrors } from "./version-fields";

const UNSAVED_MESSAGE =
  "Your latest edits could not be saved, so no version was created. They are kept in this browser; try again in a moment.";

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
  const fields = useVersionFields(slug, convention);
  const { name, description } = fields;
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const createVersion = useCreateVersion(slug);
  const failureMessage = useFailureMessage();
  const pending = createVersion.isPending;
  // Only a fresh answer: the dialog may open right after an edit that the cached one predates.
  const unchangedSince = useUnchangedSince(slug);
  const sameAs = unchangedSince.isFetching ? null : (unchangedSince.data ?? null);

  function focusInvalid(errors: VersionFieldErrors) {
    const invalidField = errors.name ? "name" : errors.description ? "description" : null;
    if (invalidField) (formRef.current?.elements.namedItem(invalidField) as HTMLElement | null)?.focus();
  }

  function showFormError(message: string | null) {
    fields.setErrors({});
    setFormError(message);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const invalid = fields.validate();
    if (invalid) return focusInvalid(invalid);
    fields.setErrors({});
    try {
      const outcome = await createVersion.mutateAsync({ name, description });
      if (outcome.status === "created") {
        addVersionName(queryClient, slug, outcome.version);
        onCreated(outcome.version);
      } else if (outcome.status === "unsaved") {
        showFormError(UNSAVED_MESSAGE);
      } else {
        const { fields: refused, message } = outcome.error;
        if (refused?.name || refused?.description) {
          fields.setErrors({ name: refused.name, description: refused.description });
          focusInvalid(refused);
        } else {
          showFormError(message);
        }
      }
    } catch (error) {
      showFormError(failureMessage("No version was created.", error));
    }
  }

  function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <p role="status" className={sameAs ? "rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800" : "sr-only"}>
        {sameAs ? `No changes since ${sameAs.name}: the new version would hold the same files. You can still create it.` : ""}
      </p>
      <VersionFields fields={fields} convention={convention} descriptionRows={4} onDescriptionKeyDown={submitOnModEnter} />
      <FormError>{formError}</FormError>
      <FormActions submitLabel="Create version" onCancel={onCancel} busy={pending} busyText="Saving your edits and creating the version…" />
    </form>
  );
}

"use client";

import { useState, type Dispatch, type KeyboardEvent, type SetStateAction } from "react";
import { useNameHolder } from "@/components/naming/queries";
import { usePrefilledVersionName } from "@/components/naming/use-name-suggestions";
import { VersionNameField } from "@/components/naming/version-name-field";
import { TextAreaField } from "@/components/ui/field";
import type { NamingConvention } from "@/lib/naming/conventions";
import { fieldErrors } from "@/lib/validation";
import { createVersionInputSchema, duplicateNameMessage, MAX_DESCRIPTION_LENGTH } from "@/lib/versions/schemas";
import type { VersionNameJson } from "@/lib/versions/version-json";

export interface VersionFieldErrors {
  name?: string;
  description?: string;
}

export interface VersionFieldsState {
  slug: string;
  name: string;
  setName: (name: string) => void;
  versions: readonly VersionNameJson[] | undefined;
  /** True while the names load: the Name field waits for its prefill. */
  prefilling: boolean;
  /** The server's refusal of the name as it would come on submit, known while the user types: another version holds it. */
  duplicate: string | null;
  description: string;
  setDescription: (description: string) => void;
  errors: VersionFieldErrors;
  setErrors: Dispatch<SetStateAction<VersionFieldErrors>>;
  /** Checks both fields with the server's schema; shows and returns the errors, or null when valid. */
  validate: () => VersionFieldErrors | null;
}

/** The name (prefilled with the convention's suggestion) and description of a version about to be created. */
export function useVersionFields(slug: string, convention: NamingConvention): VersionFieldsState {
  const [description, setDescription] = useState("");
  const { name, setName, versions, prefilling } = usePrefilledVersionName({ slug, convention, description });
  const holder = useNameHolder(slug, name);
  const duplicate = holder === null ? null : duplicateNameMessage(holder);
  const [errors, setErrors] = useState<VersionFieldErrors>({});

  function validate(): VersionFieldErrors | null {
    const parsed = createVersionInputSchema.safeParse({ name, description });
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    const invalid = { name: fields.name ?? duplicate ?? undefined, description: fields.description };
    if (!invalid.name && !invalid.description) return null;
    setErrors(invalid);
    return invalid;
  }

  return { slug, name, setName, versions, prefilling, duplicate, description, setDescription, errors, setErrors, validate };
}

interface VersionFieldsProps {
  fields: VersionFieldsState;
  convention: NamingConvention;
  descriptionRows: number;
  onDescriptionKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/** The Name and Description textboxes of Create version and of Deploy Latest Draft. */
export function VersionFields({ fields, convention, descriptionRows, onDescriptionKeyDown }: VersionFieldsProps) {
  const descriptionLength = fields.description.trim().length;
  return (
    <>
      <VersionNameField
        value={fields.name}
        onChange={(name) => {
          fields.setName(name);
          fields.setErrors((current) => ({ ...current, name: undefined }));
        }}
        convention={convention}
        versions={fields.versions}
        prefilling={fields.prefilling}
        project={fields.slug}
        description={fields.description}
        error={fields.errors.name ?? fields.duplicate ?? undefined}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={descriptionRows}
        placeholder="Why this version? For example: Added retry logic to order sync workflow"
        value={fields.description}
        onChange={(event) => {
          fields.setDescription(event.target.value);
          fields.setErrors((current) => ({ ...current, description: undefined }));
        }}
        onKeyDown={onDescriptionKeyDown}
        error={fields.errors.description}
        hint={
          <span className={descriptionLength > MAX_DESCRIPTION_LENGTH ? "font-medium text-red-700" : undefined}>
            Optional. {descriptionLength.toLocaleString("en")} / {MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters
          </span>
        }
      />
    </>
  );
}

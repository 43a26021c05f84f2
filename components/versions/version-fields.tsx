"use client";

import { useState, type Dispatch, type KeyboardEvent, type SetStateAction } from "react";
import { usePrefilledVersionName } from "@/components/naming/use-name-suggestions";
import { VersionNameField } from "@/components/naming/version-name-field";
import { TextAreaField } from "@/components/ui/field";
import type { NamingConvention } from "@/lib/naming/conventions";
import { fieldErrors } from "@/lib/validation";
import { createVersionInputSchema, MAX_DESCRIPTION_LENGTH } from "@/lib/versions/schemas";

export interface VersionFieldErrors {
  name?: string;
  description?: string;
}

export interface VersionFieldsState {
  name: string;
  setName: (name: string) => void;
  existingNames: readonly string[] | undefined;
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
  const { name, setName, existingNames } = usePrefilledVersionName({ slug, convention, description });
  const [errors, setErrors] = useState<VersionFieldErrors>({});

  function validate(): VersionFieldErrors | null {
    const parsed = createVersionInputSchema.safeParse({ name, description });
    if (parsed.success) return null;
    const fields = fieldErrors(parsed.error);
    const invalid = { name: fields.name, description: fields.description };
    setErrors(invalid);
    return invalid;
  }

  return { name, setName, existingNames, description, setDescription, errors, setErrors, validate };
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
        existingNames={fields.existingNames}
        description={fields.description}
        error={fields.errors.name}
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

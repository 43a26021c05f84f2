"use client";

import { VersionNameField } from "@/components/naming/version-name-field";
import { TextAreaField } from "@/components/ui/field";
import type { NamingConvention } from "@/lib/naming/conventions";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/versions/schemas";

export interface DraftFields {
  name: string;
  setName: (name: string) => void;
  existingNames: readonly string[] | undefined;
  description: string;
  setDescription: (description: string) => void;
  errors: { name?: string; description?: string };
  clearError: (field: "name" | "description") => void;
}

/** Name (prefilled with the convention's suggestion) and description of the version deploying the draft creates. */
export function DraftVersionFields({ fields, convention }: { fields: DraftFields; convention: NamingConvention }) {
  const descriptionLength = fields.description.trim().length;
  return (
    <>
      <VersionNameField
        value={fields.name}
        onChange={(name) => {
          fields.setName(name);
          fields.clearError("name");
        }}
        convention={convention}
        existingNames={fields.existingNames}
        description={fields.description}
        error={fields.errors.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={3}
        placeholder="Why this version? For example: Added retry logic to order sync workflow"
        value={fields.description}
        onChange={(event) => {
          fields.setDescription(event.target.value);
          fields.clearError("description");
        }}
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

"use client";

import { joinAsSignedInAction, joinWithNewAccountAction } from "@/app/invite/[token]/actions/join-project";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/limits";
import { useFormSubmit } from "./use-form-submit";

const openProject = ({ slug }: { slug: string }) => window.location.assign(`/projects/${encodeURIComponent(slug)}`);

/** Someone new: their name and a password make the account for the invited email, then the project opens. */
export function JoinWithNewAccountForm({ token }: { token: string }) {
  const { pending, error, onSubmit } = useFormSubmit(
    (fields) => joinWithNewAccountAction({ token, name: fields.name ?? "", password: fields.password ?? "" }),
    openProject,
  );
  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus error={error?.fields?.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={error?.fields?.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <FormError>{error && !error.fields ? error.message : null}</FormError>
      <Button type="submit" variant="primary" disabled={pending} className="justify-center">
        {pending ? "Joining…" : "Join"}
      </Button>
    </form>
  );
}

/** Already signed in with the invited email: one button. */
export function JoinAsSignedInForm({ token }: { token: string }) {
  const { pending, error, onSubmit } = useFormSubmit(() => joinAsSignedInAction({ token }), openProject);
  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)}>
      <FormError>{error?.message}</FormError>
      <Button type="submit" variant="primary" disabled={pending} className="justify-center">
        {pending ? "Joining…" : "Join"}
      </Button>
    </form>
  );
}

"use client";

import { createOwnerAction } from "@/app/sign-in/actions/create-owner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/limits";
import { useFormSubmit } from "./use-form-submit";

/** First start: the owner's name, email and password; once made, the app opens signed in as the owner. */
export function CreateOwnerForm({ next }: { next: string }) {
  const { pending, error, onSubmit } = useFormSubmit(
    (fields) => createOwnerAction({ name: fields.name ?? "", email: fields.email ?? "", password: fields.password ?? "" }),
    () => window.location.assign(next),
  );
  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus error={error?.fields?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required error={error?.fields?.email} />
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
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}

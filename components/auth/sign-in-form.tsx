"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { networkFailureMessage } from "@/lib/http/describe-failure";

/** What a refused sign-in says, from Better Auth's answer (401 wrong credentials, 429 too many attempts). */
export async function signInRefusal(response: Response): Promise<string> {
  if (response.status === 429) {
    const wait = Number(response.headers.get("x-retry-after"));
    const seconds = Number.isFinite(wait) && wait > 0 ? wait : 60;
    return `Too many sign-in attempts from this address. Wait ${seconds} ${seconds === 1 ? "second" : "seconds"}, then try again.`;
  }
  if (response.status === 401) return "The email or password is wrong. Check both and try again.";
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (body?.code === "INVALID_EMAIL") return "Enter an email address such as ada@example.com.";
  if (response.status >= 500) return `Signing in failed on the server (it answered ${response.status}). Try again in a moment.`;
  return body?.message ? `${body.message}.`.replace(/\.\.$/, ".") : `Signing in was refused (the server answered ${response.status}).`;
}

/**
 * Email and password, sent to Better Auth's sign-in endpoint from the browser (so its rate limit
 * applies); on success the whole page loads `next` with the new session cookie.
 */
export function SignInForm({ next }: { next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") }),
    }).catch(() => null);
    if (response?.ok) {
      const body = (await response.json().catch(() => null)) as { twoFactorRedirect?: boolean } | null;
      if (!body?.twoFactorRedirect) {
        window.location.assign(next);
        return;
      }
      setError("This account asks for a second sign-in step, which this page cannot offer yet. Ask an admin to turn it off for you.");
    } else {
      setError(response ? await signInRefusal(response) : networkFailureMessage());
    }
    setPending(false);
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormError>{error}</FormError>
      <Button type="submit" variant="primary" disabled={pending} className="justify-center">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

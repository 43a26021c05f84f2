"use client";

import { useState } from "react";
import { confirmTwoFactorAction } from "@/app/actions/account/confirm-two-factor";
import { disableTwoFactorAction } from "@/app/actions/account/disable-two-factor";
import { startTwoFactorAction } from "@/app/actions/account/start-two-factor";
import { useFormSubmit } from "@/components/auth/use-form-submit";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { TwoFactorSetup } from "@/lib/auth/two-factor/start-two-factor";

/**
 * Two-factor sign-in on the account page: turning it on (password → a QR code and the key to
 * type → the first code → backup codes, shown once) and off (password).
 */
/**
 * The backup codes of the two-factor sign-in just turned on, in this page's memory only. Not in
 * component state alone: the first code renews the session cookie, on which Next renders the page
 * again and mounts this section anew, and the codes must stay on screen until Done.
 */
let shownBackupCodes: string[] | null = null;

export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const [backupCodes, setBackupCodes] = useState<string[] | null>(() => shownBackupCodes);
  const onEnabled = (codes: string[]) => {
    shownBackupCodes = codes;
    setBackupCodes(codes);
  };
  return (
    <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="two-factor-heading" className="text-base font-semibold text-slate-900">
        Two-factor sign-in
      </h2>
      {backupCodes ? <BackupCodes codes={backupCodes} /> : enabled ? <TurnOff /> : <TurnOn onEnabled={onEnabled} />}
    </section>
  );
}

function TurnOn({ onEnabled }: { onEnabled: (backupCodes: string[]) => void }) {
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  if (setup) return <ConfirmCode setup={setup} onConfirmed={() => onEnabled(setup.backupCodes)} />;
  return <StartForm onStarted={setSetup} />;
}

function StartForm({ onStarted }: { onStarted: (setup: TwoFactorSetup) => void }) {
  const { pending, error, onSubmit } = useFormSubmit((fields) => startTwoFactorAction({ password: fields.password ?? "" }), onStarted);
  return (
    <form className="mt-3 flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p className="text-sm text-slate-700">
        Off. With it on, signing in asks for a code from an authenticator app on your phone as well as your password.
      </p>
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={error?.fields?.password} />
      <FormError>{error && !error.fields ? error.message : null}</FormError>
      <Button type="submit" variant="primary" disabled={pending} className="self-start">
        {pending ? "Checking…" : "Set up two-factor sign-in"}
      </Button>
    </form>
  );
}

function ConfirmCode({ setup, onConfirmed }: { setup: TwoFactorSetup; onConfirmed: () => void }) {
  const { pending, error, onSubmit } = useFormSubmit((fields) => confirmTwoFactorAction({ code: fields.code ?? "" }), onConfirmed);
  return (
    <form className="mt-3 flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p className="text-sm text-slate-700">Scan this code with your authenticator app, then enter the 6-digit code it shows.</p>
      <div
        role="img"
        aria-label="QR code of your two-factor key"
        className="h-48 w-48 self-center [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
      />
      <div className="text-sm text-slate-700">
        <span id="two-factor-key-label">Or type this key into the app: </span>
        <code aria-labelledby="two-factor-key-label" className="font-mono break-all text-slate-900">
          {setup.secret}
        </code>
      </div>
      <TextField label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={error?.fields?.code} />
      <FormError>{error && !error.fields ? error.message : null}</FormError>
      <Button type="submit" variant="primary" disabled={pending} className="self-start">
        {pending ? "Checking…" : "Turn on"}
      </Button>
    </form>
  );
}

/** Better Auth renews the session when two-factor sign-in changes: the whole page loads again with the new one. */
const reload = () => {
  shownBackupCodes = null;
  window.location.reload();
};

function BackupCodes({ codes }: { codes: string[] }) {
  return (
    <div className="mt-3 flex flex-col gap-3">
      <p role="status" className="text-sm text-slate-700">
        Two-factor sign-in is on. Keep these backup codes somewhere safe: each signs you in once without your phone, and they are shown only now.
      </p>
      <ul aria-label="Backup codes" className="grid grid-cols-2 gap-1 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button variant="primary" className="self-start" onClick={reload}>
        Done
      </Button>
    </div>
  );
}

function TurnOff() {
  const { pending, error, onSubmit } = useFormSubmit((fields) => disableTwoFactorAction({ password: fields.password ?? "" }), reload);
  return (
    <form className="mt-3 flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p className="text-sm text-slate-700">On. Signing in asks for a code from your authenticator app, or one of your backup codes.</p>
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={error?.fields?.password} />
      <FormError>{error && !error.fields ? error.message : null}</FormError>
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {pending ? "Turning off…" : "Turn off two-factor sign-in"}
      </Button>
    </form>
  );
}

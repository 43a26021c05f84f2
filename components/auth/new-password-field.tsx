import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/limits";

/** The password of an account being made (first start, joining): the browser may suggest a new one. */
export function NewPasswordField({ error }: { error?: string }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD_LENGTH}
      error={error}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
    />
  );
}

import { z } from "zod";

export const confirmPasswordSchema = z.object({ password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024) });
export const codeSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code." })
    .transform((code) => code.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6 digits your app shows.")),
});

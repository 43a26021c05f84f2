import { z } from "zod";

/** A whole number in a query string, from `min` to `max`: a string on the wire, a number to the handler. */
export function wholeNumberParam(name: string, min: number, max: number) {
  const message = `\`${name}\` must be a whole number from ${min} to ${max.toLocaleString("en")}.`;
  return z
    .string()
    .regex(/^\d{1,10}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

/** A text query parameter of at most `max` characters, without NUL. */
export function textParam(name: string, max: number) {
  return z
    .string()
    .max(max, `\`${name}\` is at most ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), `\`${name}\` contains an invalid character.`);
}

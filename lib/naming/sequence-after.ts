/**
 * For text ending in a number, the texts that follow it (`build 41` → step 1 `build 42`,
 * step 2 `build 43`), keeping zero padding (`rc09` → `rc10`); null when it ends in no number.
 */
export function sequenceAfter(text: string): ((step: number) => string) | null {
  const match = /^(.*?)(\d+)$/s.exec(text);
  if (!match) return null;
  const prefix = match[1] ?? "";
  const digits = match[2] ?? "";
  // BigInt: a name may end in more digits than a double holds exactly.
  return (step) => prefix + (BigInt(digits) + BigInt(step)).toString().padStart(digits.length, "0");
}

/**
 * The first candidate, counting up from `from`, that no version uses yet. Candidates must differ
 * step by step, so this always ends: a project holds finitely many names.
 */
export function firstFreeName(candidate: (step: number) => string, isTaken: (name: string) => boolean, from: number): string {
  let step = from;
  while (isTaken(candidate(step))) step += 1;
  return candidate(step);
}

/** `base`, else `base-2`, `base-3`…: the first that is free. */
export function withFreeSuffix(base: string, isTaken: (name: string) => boolean): string {
  return firstFreeName((step) => (step === 1 ? base : `${base}-${step}`), isTaken, 1);
}

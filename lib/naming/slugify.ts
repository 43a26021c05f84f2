const STOP_WORDS = new Set(
  "a an the and or but nor to of in on at by for from with without into onto over via as is are was were be been being it its this that these those so then than now also some all".split(" "),
);

// Verbs that open most change descriptions ("Added retry logic…") and say nothing about the feature.
const LEADING_VERBS = new Set(
  "add added adds adding fix fixed fixes fixing update updated updates updating remove removed removes removing improve improved improves improving change changed changes changing refactor refactored refactors implement implemented implements create created creates make made makes use used uses bump bumped tweak tweaked adjust adjusted rename renamed delete deleted introduce introduced".split(" "),
);

const startsWithDigit = (word: string) => /^\d/.test(word);

export interface SlugifyOptions {
  maxWords?: number;
  maxLength?: number;
}

/**
 * A short kebab-case slug for free text, such as a version's description: "Added retry logic to
 * order sync workflow" → `retry-logic-order-sync`. Starts with a letter; empty when nothing usable is left.
 */
export function slugify(text: string, { maxWords = 4, maxLength = 40 }: SlugifyOptions = {}): string {
  const words = toWords(text);
  const meaningful = dropWhile(
    words.filter((word) => !STOP_WORDS.has(word)),
    (word) => LEADING_VERBS.has(word) || startsWithDigit(word),
  );
  // "Fix it" has no meaningful word left, but its plain words still make a slug.
  const chosen = meaningful.length > 0 ? meaningful : dropWhile(words, startsWithDigit);
  return chosen.length === 0 ? "" : joinWithin(chosen.slice(0, maxWords), maxLength);
}

function toWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function dropWhile(words: string[], drop: (word: string) => boolean): string[] {
  const start = words.findIndex((word) => !drop(word));
  return start === -1 ? [] : words.slice(start);
}

function joinWithin(words: string[], maxLength: number): string {
  let slug = words[0]!.slice(0, maxLength);
  for (const word of words.slice(1)) {
    if (slug.length + 1 + word.length > maxLength) break;
    slug += `-${word}`;
  }
  return slug;
}

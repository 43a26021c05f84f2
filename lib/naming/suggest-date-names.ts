import { firstFreeName } from "./first-free-name";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

/** Today in the user's zone, or `today.N` above the highest index already used today. */
export function suggestDateNames(context: SuggestionContext): NameSuggestion[] {
  const { today, existing, isTaken } = context;
  const highestIndexToday = existing.reduce((highest, { parsed }) => {
    const date = parsed?.form === "date" ? parsed.date : null;
    return date?.kind === "day" && date.day === today ? Math.max(highest, date.index) : highest;
  }, -1);
  const name = firstFreeName((index) => (index === 0 ? today : `${today}.${index}`), isTaken, highestIndexToday + 1);
  return [{ name, label: name === today ? "Today" : "Another version today" }];
}

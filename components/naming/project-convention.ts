import { DEFAULT_NAMING_CONVENTION, isNamingConvention, type NamingConvention } from "@/lib/naming/conventions";

/** The project's stored convention as the type; the database only holds the five values, so the fallback is a guard. */
export function projectConvention(stored: string): NamingConvention {
  return isNamingConvention(stored) ? stored : DEFAULT_NAMING_CONVENTION;
}

/** How many of a version's newest finished runs in an environment must all have succeeded for it to count as healthy there. */
export const DEFAULT_HEALTHY_RUNS = 5;

/** `DRAFTLINE_HEALTHY_RUNS` (a whole number from 1 to 1000), else DEFAULT_HEALTHY_RUNS. */
export function healthyRunCount(value = process.env.DRAFTLINE_HEALTHY_RUNS): number {
  const parsed = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isInteger(parsed) && parsed >= 1 && parsed <= 1000 ? parsed : DEFAULT_HEALTHY_RUNS;
}

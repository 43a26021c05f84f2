/** A failure the CLI explains to the person and exits non-zero on: never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The API's error code, when the server refused. */
    readonly code?: string,
    /** Extra detail for --json output (fields, conflicting files…). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

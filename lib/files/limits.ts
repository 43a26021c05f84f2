export const MAX_PATH_LENGTH = 255;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FILES_PER_PROJECT = 5000;

export const TOO_MANY_FILES = `A project holds at most ${MAX_FILES_PER_PROJECT.toLocaleString("en")} files.`;

/**
 * The largest valid server action request: "Recreate" sends a file's text through
 * createFileAction as JSON. Of the bytes a file may hold, the C0 control characters JSON has no
 * short escape for grow sixfold (U+0001 → `\u0001`; validateContent refuses only NUL), `"`, `\`
 * and \b \t \n \f \r double, and everything else, multi-byte characters included, stays as it
 * is: at most 6 × MAX_FILE_BYTES. The path (255 characters of at most 3 bytes), the slug (100)
 * and the JSON around them take well under the 8 KB added for them. next.config.ts sets Next's
 * `serverActions.bodySizeLimit` to this number; limits.test.ts checks that they agree.
 */
export const MAX_ACTION_BODY_BYTES = 6 * MAX_FILE_BYTES + 8 * 1024;

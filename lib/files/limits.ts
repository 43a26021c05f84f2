export const MAX_PATH_LENGTH = 255;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FILES_PER_PROJECT = 5000;

export const TOO_MANY_FILES = `A project holds at most ${MAX_FILES_PER_PROJECT.toLocaleString("en")} files.`;

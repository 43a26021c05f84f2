/**
 * The largest request body the server reads. The proxy makes Next buffer every body it sees
 * (`proxyClientMaxBodySize` in next.config.ts) and silently cuts longer ones short; a valid
 * autosave is at most a 1 MB file escaped as JSON (up to six bytes a character), so bodies
 * up to this size reach the routes whole, and the routes' own limits answer them.
 */
export const MAX_REQUEST_BODY_BYTES = 32 * 1024 * 1024;

import type { PGlite } from "@electric-sql/pglite";

/** The SQL statements sent to an embedded database, in order, until `stop()`. */
export interface StatementLog {
  readonly statements: string[];
  stop(): void;
}

const PARSE = "P".charCodeAt(0);
const SIMPLE_QUERY = "Q".charCodeAt(0);
const decoder = new TextDecoder();

/**
 * Records every statement `pglite` is sent from now on: each extended-protocol Parse (Prisma's
 * queries, raw or not) and each simple query (BEGIN, COMMIT, exec). Counts database work
 * without timing it, so a test can say how many statements a request may cost.
 */
export function logStatements(pglite: PGlite): StatementLog {
  const statements: string[] = [];
  const original = pglite.execProtocolStream;
  pglite.execProtocolStream = function (this: PGlite, message, options) {
    if (message[0] === PARSE || message[0] === SIMPLE_QUERY) {
      // After the type byte and length: for Parse the statement's name (empty here) then its text, NUL-terminated.
      const body = decoder.decode(message.subarray(5));
      const text = message[0] === PARSE ? body.slice(body.indexOf("\0") + 1) : body;
      statements.push(text.slice(0, text.indexOf("\0")).replace(/\s+/g, " ").trim());
    }
    return original.call(this, message, options);
  };
  return {
    statements,
    stop: () => {
      pglite.execProtocolStream = original;
    },
  };
}

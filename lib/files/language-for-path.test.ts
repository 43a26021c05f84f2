import { describe, expect, it } from "vitest";
import { languageForPath } from "./language-for-path";

describe("languageForPath", () => {
  it.each([
    ["workflows/order-sync.ts", "typescript"],
    ["components/App.tsx", "typescript"],
    ["types/index.d.ts", "typescript"],
    ["a.mts", "typescript"],
    ["a.cts", "typescript"],
    ["scripts/run.js", "javascript"],
    ["a.jsx", "javascript"],
    ["a.mjs", "javascript"],
    ["a.cjs", "javascript"],
    ["mappings/customer.json", "json"],
    [".eslintrc.json", "json"],
    ["config/app.yaml", "yaml"],
    ["config/app.yml", "yaml"],
    ["README.md", "markdown"],
    ["queries/report.sql", "sql"],
    ["feeds/export.xml", "xml"],
    ["templates/mail.html", "html"],
    ["styles/main.css", "css"],
    ["schema.graphql", "graphql"],
    ["schema.gql", "graphql"],
    ["deploy.sh", "shell"],
    ["tools/convert.py", "python"],
  ])("%s is %s", (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });

  it.each([["SRC/MAIN.TS", "typescript"], ["Data.JSON", "json"], ["x.YmL", "yaml"]])(
    "ignores the case of the extension in %s",
    (path, language) => {
      expect(languageForPath(path)).toBe(language);
    },
  );

  it.each([
    ["README"],
    ["Makefile"],
    [".env"],
    [".gitignore"],
    ["config/.env"],
    ["notes.txt"],
    ["archive.tar.gz"],
    ["trailing-dot."],
    ["folder.ts/README"],
    ["v1.2/LICENSE"],
  ])("%s is plain text", (path) => {
    expect(languageForPath(path)).toBe("plaintext");
  });
});

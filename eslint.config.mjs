import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/** An import path reaching a top-level folder by alias or by climbing: `@/app/…`, `../../app/…`. */
const into = (folder) => `^(@/|(\\.\\./)+)${folder}(/|$)`;

/**
 * The layers, enforced: lib/ is the domain and knows nothing of the UI or the routes; the
 * browser's components reach the server only through server actions and route handlers, and
 * take wire types from lib/, never from app/ (and app/ never from a component).
 */
const layers = [
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into("components"), message: "lib/ is the domain: it must not import UI components." },
            { regex: into("app"), message: "lib/ is the domain: it must not import routes or server actions." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/(db|generated)(/|$)",
              message: "Components run in the browser: no database client or generated Prisma types; take the wire type from lib/<domain>.",
            },
            {
              regex: "^(@/|(\\.\\./)+)app/(?!projects/\\[slug\\]/actions/|actions/|sign-in/actions/|invite/\\[token\\]/actions/)",
              message: "Components may import server actions from app/, nothing else; wire types live in lib/<domain>.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/components/[^/]+/wire$", message: "Wire types live in lib/<domain>, not in components." }] },
      ],
    },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  ...layers,
  {
    // Playwright fixtures receive a callback named `use`; it is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next*/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);

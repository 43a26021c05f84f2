import path from "node:path/posix";
import type { Loader, Plugin } from "esbuild";
import type { FileMap } from "./file-map";

export const VERSION_NAMESPACE = "version";

const LOADERS: Record<string, Loader> = { ".ts": "ts", ".mts": "ts", ".js": "js", ".mjs": "js", ".json": "json" };
const EXTENSIONS = Object.keys(LOADERS);

/**
 * Lets esbuild read imports only from the version's own files, held in memory: relative paths,
 * with or without extension, and folders through their index file. Node's modules and npm
 * packages are refused, since the sandbox has neither.
 */
export function versionFilesPlugin(files: FileMap): Plugin {
  return {
    name: "draftline-version-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const importer = args.namespace === VERSION_NAMESPACE ? args.importer : "";
        if (!args.path.startsWith("./") && !args.path.startsWith("../") && !args.path.startsWith("/")) {
          return {
            errors: [
              {
                text: `"${args.path}" cannot be imported: workflows run in a sandbox without Node.js modules or npm packages, so they can import only this version's own files (paths starting with ./ or ../)`,
              },
            ],
          };
        }
        const wanted = args.path.startsWith("/") ? path.normalize(args.path.slice(1)) : path.join(path.dirname(importer), args.path);
        const found = wanted.startsWith("..") ? undefined : candidates(wanted).find((candidate) => files.has(candidate));
        if (found === undefined) {
          return { errors: [{ text: `"${args.path}" does not match any file of this version${importer ? ` (imported from ${importer})` : ""}` }] };
        }
        return { path: found, namespace: VERSION_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: VERSION_NAMESPACE }, (args) => {
        const loader = LOADERS[path.extname(args.path)];
        if (!loader) {
          return { errors: [{ text: `${args.path} cannot be imported: only ${EXTENSIONS.join(", ")} files can be part of a workflow` }] };
        }
        return { contents: files.get(args.path) ?? "", loader };
      });
    },
  };
}

function candidates(wanted: string): string[] {
  const bare = wanted.replace(/\/$/, "");
  return [bare, ...EXTENSIONS.map((extension) => bare + extension), ...EXTENSIONS.map((extension) => `${bare}/index${extension}`)];
}

import { validatePath } from "@/lib/files/validate-path";
import { ok, type Result } from "@/lib/result";

/** A folder exists only through the files in it, so the tree is derived from file paths. */
export interface TreeNode {
  kind: "file" | "folder";
  name: string;
  path: string;
  children: TreeNode[];
}

export interface TreeRow {
  node: TreeNode;
  level: number;
  /** Position among its siblings, 1-based, and how many siblings there are (for assistive tech). */
  position: number;
  siblings: number;
  parentPath: string | null;
}

const byFoldersThenName = (a: TreeNode, b: TreeNode) =>
  a.kind === b.kind ? a.name.localeCompare(b.name, "en", { numeric: true }) : a.kind === "folder" ? -1 : 1;

export function buildTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode = { kind: "folder", name: "", path: "", children: [] };
  const folders = new Map<string, TreeNode>([["", root]]);
  for (const path of paths) {
    const segments = path.split("/");
    let parent = root;
    segments.forEach((name, index) => {
      const nodePath = segments.slice(0, index + 1).join("/");
      if (index === segments.length - 1) {
        parent.children.push({ kind: "file", name, path: nodePath, children: [] });
        return;
      }
      let folder = folders.get(nodePath);
      if (!folder) {
        folder = { kind: "folder", name, path: nodePath, children: [] };
        folders.set(nodePath, folder);
        parent.children.push(folder);
      }
      parent = folder;
    });
  }
  for (const folder of folders.values()) folder.children.sort(byFoldersThenName);
  return root.children;
}

/** Every folder's path, outermost first. */
export function folderPaths(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((node) => (node.kind === "folder" ? [node.path, ...folderPaths(node.children)] : []));
}

/** The rows a reader sees, in order: children of collapsed folders are left out. */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (siblings: readonly TreeNode[], level: number, parentPath: string | null) => {
    siblings.forEach((node, index) => {
      rows.push({ node, level, position: index + 1, siblings: siblings.length, parentPath });
      if (node.kind === "folder" && !collapsed.has(node.path)) walk(node.children, level + 1, node.path);
    });
  };
  walk(nodes, 1, null);
  return rows;
}

export function parentFolder(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * The path of a new folder's first file. The folder is checked on its own (validatePath's
 * rules and normalisation), so an empty one is refused as such, not as a file path starting with "/".
 */
export function firstFilePath(folder: string, fileName: string): Result<string> {
  const validFolder = validatePath(folder, "folder");
  return validFolder.ok ? ok(`${validFolder.value}/${fileName.trim()}`) : validFolder;
}

export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Above this many files, folders start folded: thousands of rows are slow to render and to scan. */
export const FOLD_ABOVE_FILES = 200;

/** The folders folded when a tree of `fileCount` files first shows, with `selectedPath` open. */
export function initiallyFolded(nodes: readonly TreeNode[], fileCount: number, selectedPath: string | null): ReadonlySet<string> {
  return unfoldedAround(new Set(fileCount > FOLD_ABOVE_FILES ? folderPaths(nodes) : []), selectedPath);
}

/** The folded folders without those holding `path`. */
export function unfoldedAround(collapsed: ReadonlySet<string>, path: string | null): ReadonlySet<string> {
  return path ? new Set([...collapsed].filter((folder) => !isUnder(path, folder))) : collapsed;
}

import { createHash } from "node:crypto";
import type { ResolverMap } from "../context.js";
import type { RepoEntry } from "../world.js";
import type { RepositoryNode } from "./repository.js";

/**
 * Blobs larger than this answer `text` cut short with `isTruncated: true`. GitHub does not
 * publish its limit; the fake's stands in for it so a client's handling of truncation is testable.
 */
export const BLOB_TEXT_LIMIT = 512 * 1024;

/** A file of the world's default branch. */
export interface BlobNode {
  __typename: "Blob";
  entry: RepoEntry;
  path: string;
  text: string;
}

/** A directory of the world's default branch; `path` is "" for the root. */
export interface TreeNode {
  __typename: "Tree";
  entry: RepoEntry;
  path: string;
}

interface TreeEntryNode {
  name: string;
  path: string;
  object: BlobNode | TreeNode;
}

// Git's own object ids, so the same content always has the same oid.
const gitOid = (kind: string, content: string): string => {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`${kind} ${bytes.length}\0`).update(bytes).digest("hex");
};

const isBinary = (text: string): boolean => text.includes("\u0000");

function childrenOf(tree: TreeNode): TreeEntryNode[] {
  const prefix = tree.path === "" ? "" : `${tree.path}/`;
  const byName = new Map<string, TreeEntryNode>();
  for (const [path, text] of tree.entry.files) {
    if (!path.startsWith(prefix)) continue;
    const [name = "", ...rest] = path.slice(prefix.length).split("/");
    if (name === "" || byName.has(name)) continue;
    const childPath = `${prefix}${name}`;
    const object: BlobNode | TreeNode =
      rest.length === 0 ? { __typename: "Blob", entry: tree.entry, path: childPath, text } : { __typename: "Tree", entry: tree.entry, path: childPath };
    byName.set(name, { name, path: childPath, object });
  }
  // Git sorts tree entries by name.
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The object `REV:PATH` names: a blob, a tree, or null (as GitHub answers an unknown path). Only
 * `HEAD` and the default branch's name are revisions here; the world has no other history of files.
 */
export function resolveExpression(entry: RepoEntry, expression: string): BlobNode | TreeNode | null {
  const colon = expression.indexOf(":");
  if (colon < 0 || entry.rec.defaultBranch === null) return null;
  const rev = expression.slice(0, colon);
  if (rev !== "HEAD" && rev !== entry.rec.defaultBranch && rev !== `refs/heads/${entry.rec.defaultBranch}`) return null;
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const text = entry.files.get(path);
  if (text !== undefined) return { __typename: "Blob", entry, path, text };
  const tree: TreeNode = { __typename: "Tree", entry, path };
  return path === "" || childrenOf(tree).length > 0 ? tree : null;
}

const treeText = (tree: TreeNode): string => childrenOf(tree).map((c) => `${c.object.__typename === "Blob" ? "100644 blob" : "040000 tree"} ${c.name}`).join("\n");

const oidOf = (node: BlobNode | TreeNode): string => (node.__typename === "Blob" ? gitOid("blob", node.text) : gitOid("tree", treeText(node)));

/** Resolvers of `Repository.object(expression:)`, Tree, TreeEntry and Blob, over the world's `workflows` files. */
export const gitObjectResolvers: ResolverMap = {
  Repository: {
    object: (s: RepositoryNode, args: { expression?: string | null }) => (args.expression ? resolveExpression(s.entry, args.expression) : null),
  },
  Tree: {
    id: (s: TreeNode) => `T_${oidOf(s)}`,
    oid: (s: TreeNode) => oidOf(s),
    abbreviatedOid: (s: TreeNode) => oidOf(s).slice(0, 7),
    entries: (s: TreeNode) => childrenOf(s),
    repository: (s: TreeNode) => ({ __typename: "Repository", entry: s.entry }),
    commitUrl: (s: TreeNode) => `https://github.com/${s.entry.rec.name}/tree/HEAD/${s.path}`,
    commitResourcePath: (s: TreeNode) => `/${s.entry.rec.name}/tree/HEAD/${s.path}`,
  },
  TreeEntry: {
    type: (s: TreeEntryNode) => (s.object.__typename === "Blob" ? "blob" : "tree"),
    mode: (s: TreeEntryNode) => (s.object.__typename === "Blob" ? 0o100644 : 0o40000),
    oid: (s: TreeEntryNode) => oidOf(s.object),
    extension: (s: TreeEntryNode) => (s.object.__typename === "Blob" && /\.[^./]+$/.test(s.name) ? /\.[^./]+$/.exec(s.name)?.[0] : null),
    size: (s: TreeEntryNode) => (s.object.__typename === "Blob" ? Buffer.byteLength(s.object.text) : 0),
    isGenerated: () => false,
    nameRaw: (s: TreeEntryNode) => Buffer.from(s.name).toString("base64"),
    pathRaw: (s: TreeEntryNode) => Buffer.from(s.path).toString("base64"),
    lineCount: (s: TreeEntryNode) => (s.object.__typename === "Blob" && !isBinary(s.object.text) ? s.object.text.split("\n").length - (s.object.text.endsWith("\n") ? 1 : 0) : null),
    repository: (s: TreeEntryNode) => ({ __typename: "Repository", entry: s.object.entry }),
  },
  Blob: {
    id: (s: BlobNode) => `B_${oidOf(s)}`,
    oid: (s: BlobNode) => oidOf(s),
    abbreviatedOid: (s: BlobNode) => oidOf(s).slice(0, 7),
    byteSize: (s: BlobNode) => Buffer.byteLength(s.text),
    isBinary: (s: BlobNode) => isBinary(s.text),
    isTruncated: (s: BlobNode) => !isBinary(s.text) && Buffer.byteLength(s.text) > BLOB_TEXT_LIMIT,
    // GitHub answers null text for a binary blob and the first part of a large one.
    text: (s: BlobNode) => (isBinary(s.text) ? null : Buffer.from(s.text).subarray(0, BLOB_TEXT_LIMIT).toString("utf8")),
    repository: (s: BlobNode) => ({ __typename: "Repository", entry: s.entry }),
    commitUrl: (s: BlobNode) => `https://github.com/${s.entry.rec.name}/blob/HEAD/${s.path}`,
    commitResourcePath: (s: BlobNode) => `/${s.entry.rec.name}/blob/HEAD/${s.path}`,
  },
};

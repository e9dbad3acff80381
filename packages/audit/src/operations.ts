import type { ItemType } from "@quantecon/attribution";

/** What a writing step does to GitHub. */
export const OPERATIONS = [
  "push",
  "create-pr",
  "merge-pr",
  "create-issue",
  "comment",
  "review",
  "release",
  "api",
  "script",
  "write",
] as const;

export type Operation = (typeof OPERATIONS)[number];

/**
 * Which activity items an operation leaves in a dataset, so the cross-check can compare them
 * with its credential. Pushes leave none on purpose: a commit shows the git identity the
 * workflow configured, not the token that pushed it, so commits cannot tell whose token it is.
 */
export const ITEM_TYPES_BY_OPERATION: Readonly<Record<Operation, readonly ItemType[]>> = {
  push: [],
  "create-pr": ["pullRequest"],
  "merge-pr": [],
  "create-issue": ["issue"],
  comment: [],
  review: ["review"],
  release: [],
  api: ["pullRequest", "issue", "review"],
  script: ["pullRequest", "issue", "review"],
  write: ["pullRequest", "issue", "review"],
};

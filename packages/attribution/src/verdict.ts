import type { Channel, ItemType } from "./config.js";

/** One piece of evidence: which rule looked at which signal, and what it saw. */
export interface Evidence {
  /** Rule id, e.g. `actor/bot-type`, `builtin/dependabot`, `config/translation-sync-pr`. */
  rule: string;
  /** The signal read: `author`, `author-type`, `token`, `label`, `branch`, `title`, `body`, `message`, `trailer`, `git-identity`, `pull-request`, `repo`, ... */
  signal: string;
  /** What was seen, in words. */
  detail: string;
}

/** The verdict on one activity item; exactly the fields of attribution-v1. */
export interface Verdict {
  ref: string;
  type: ItemType;
  class: "human" | "automation";
  channel: Channel;
  kind: string | null;
  actor: string;
  onBehalfOf: string | null;
  /** Shared and frozen: copy it before changing it. */
  evidence: readonly Evidence[];
}

/** The verdict on an account alone. */
export interface ActorVerdict {
  class: "human" | "automation";
  channel: Channel;
  evidence: readonly Evidence[];
}

/** What `classifyActor` looks at: a login, and where known its GraphQL type and display name. */
export interface ActorInput {
  login: string;
  type?: string | null;
  name?: string | null;
}

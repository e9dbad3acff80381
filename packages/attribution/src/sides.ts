import type { Evidence } from "./verdict.js";

/** Which way a line of evidence points. */
export type EvidenceSide = "automation" | "person" | "context" | "decision";

// Account and identity lines that speak for a person.
const PERSON_RULES = new Set(["actor/default", "actor/unlinked", "actor/person-name", "actor/user-type", "actor/type", "actor/ghost", "config/people"]);
// Lines that say how or for whom, not whether.
const CONTEXT_SIGNALS = new Set(["ai-assisted", "assignee", "co-author"]);

/**
 * Which way an evidence line points: to automation, to a person (rules under `person/` and the
 * account lines that say "a person"), or neither (who it worked for, AI assistance, joins);
 * `humanRules` names config rules whose class is human.
 */
export function evidenceSide(line: Evidence, humanRules?: ReadonlySet<string>): EvidenceSide {
  if (line.signal === "verdict") return "decision";
  if (line.rule.startsWith("person/") || PERSON_RULES.has(line.rule) || humanRules?.has(line.rule)) return "person";
  if (CONTEXT_SIGNALS.has(line.signal) || line.rule === "actor/alias") return "context";
  return "automation";
}

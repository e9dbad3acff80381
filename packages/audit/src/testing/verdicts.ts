// Test-only: verdicts for the fixture month, written by hand as attribution-v1 describes them.
import type { Verdict } from "@quantecon/attribution";

function v(ref: string, type: Verdict["type"], channel: Verdict["channel"], kind: string | null, actor: string, onBehalfOf: string | null = null): Verdict {
  return {
    ref,
    type,
    class: channel === "human" ? "human" : "automation",
    channel,
    kind,
    actor,
    onBehalfOf,
    evidence: [{ rule: "test/hand-made", signal: "fixture", detail: "written by hand for the audit tests" }],
  };
}

const zh = "QuantEcon/lecture-python.zh-cn";

/** One verdict per item of `activity-2026-05.json`. */
export function fixtureVerdicts(): Verdict[] {
  return [
    v(`${zh}#236`, "pullRequest", "personal-token", "translation-sync", "mmcky", "mmcky"),
    v(`${zh}#236/review/0`, "review", "github-actions", "translation-sync", "github-actions"),
    v(`${zh}#236/review/1`, "review", "human", null, "HumphreyYang"),
    v(`${zh}#237`, "pullRequest", "personal-token", "translation-sync", "mmcky", "mmcky"),
    v(`${zh}#240`, "pullRequest", "machine-account", "content-sync", "quantecon-services"),
    v("QuantEcon/lecture-python.fa#12", "pullRequest", "personal-token", "translation-sync", "mmcky", "mmcky"),
    v("QuantEcon/QuantEcon.py#800", "pullRequest", "github-actions", "dependency-update", "github-actions"),
    v("QuantEcon/QuantEcon.py#801", "pullRequest", "machine-account", "release", "quantecon-services"),
    v(`${zh}@${"a".repeat(40)}`, "commit", "personal-token", "translation-sync", "mmcky", "mmcky"),
  ];
}

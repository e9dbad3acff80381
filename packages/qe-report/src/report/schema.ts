import { z } from "zod";
import { BUILTIN_KINDS, CHANNELS, ITEM_TYPES } from "@quantecon/attribution";
import { ConversationFields, ResponsivenessSummarySchema } from "./responsiveness-schema.js";

/** The report format id this package writes. */
export const REPORT_SCHEMA_ID = "qe-report/v1";

const int = z.number().int().nonnegative();
const instant = z.string().describe("ISO 8601 instant, UTC");
const url = z.string().describe("Absolute https URL");
const channel = z.enum(CHANNELS);
const share = z.number().min(0).max(1).nullable().describe("Automation's share of the total (0..1, 4 decimals); null when the total is 0");

const WindowSchema = z.object({
  from: instant.describe("inclusive"),
  to: instant.describe("exclusive"),
  timeZone: z.string().describe("IANA zone the window was computed in"),
});

const SplitSchema = z.object({ human: int, automation: int });

/** The headline: contributions (PRs opened, default-branch commits, issues opened, reviews) by verdict. */
export const ContributionsSchema = z
  .object({
    human: int,
    automation: int,
    share: share.describe("Automation's share of all contributions (0..1, 4 decimals); null when there were none"),
  })
  .describe("Contributions in the window: PRs opened, default-branch commits, issues opened and reviews submitted, each counted by its verdict. Merges and closes are not contributions: they are the person's who did them, reported in their own rows.");

const CountsSchema = z.object({
  pullRequestsOpened: int,
  pullRequestsMerged: int,
  commits: int,
  issuesOpened: int,
  issuesClosed: int,
  reviews: int,
});

export const MEASURES = ["pullRequestsOpened", "pullRequestsMerged", "commits", "issuesOpened", "issuesClosed", "reviews"] as const;
export type Measure = (typeof MEASURES)[number];

const ComparedSchema = z.object({
  human: int,
  automation: int,
  total: int,
  automationShare: share,
});

const MeasureRowSchema = ComparedSchema.extend({
  measure: z.enum(MEASURES),
  label: z.string(),
  previous: ComparedSchema.nullable().describe("The same measure in the previous dataset, when one was given"),
  change: z
    .object({ human: z.number().int(), automation: z.number().int(), total: z.number().int() })
    .nullable()
    .describe("This window minus the previous one"),
});

const WeekSchema = z.object({
  from: instant,
  to: instant,
  label: z.string().describe("Days of the bucket in the window's zone, e.g. `May 1–7`"),
  human: int,
  automation: int,
  days: int.describe("Days in the bucket: 7, or fewer for the partial last one"),
});

// Issues closed per person come from `closedBy`, with the other conversation fields.
const PersonSchema = CountsSchema.omit({ issuesClosed: true }).extend({
  login: z.string().describe("GitHub login, or the git name of commits linked to no account"),
  group: z.enum(["team", "community", "deleted"]).describe("`team`: in the config's `team`; `deleted`: GitHub's ghost for deleted accounts; else `community`"),
  contributions: int.describe("PRs opened, commits, issues opened and reviews: this person's share of the headline's human contributions"),
  previousContributions: int.nullable().describe("The same in the previous dataset, when one was given (0 when the person was not active then)"),
  url: z.string().describe("Profile URL; empty when the person has no GitHub login"),
  merges: int.describe("PRs (human or automated) this person merged"),
  automatedPullRequestsReviewed: int,
  automatedPullRequestsMerged: int,
  aiAssisted: int.describe("Human commits and PRs flagged as AI-assisted"),
  automationUnderToken: int.describe("Automation items that ran under this person's token (not counted as their work)"),
  footnote: z.string().nullable().describe("Why automation under this account's token is not listed here"),
  ...ConversationFields,
});

const AutomationKindSchema = CountsSchema.extend({
  kind: z.string().describe(`Automation kind; built-ins: ${BUILTIN_KINDS.join(", ")}`),
  channel,
  actors: z.array(z.string()),
  total: int.describe("In-window events of this kind and channel"),
});

const AutomationRepoSchema = CountsSchema.extend({
  repo: z.string(),
  kind: z.string(),
  channel,
  total: int,
});

const TranslationSchema = z.object({
  sourceRepo: z.string(),
  upstreamChanges: int.describe("Distinct source PRs synced"),
  languages: z.array(z.string()),
  pullRequests: int.describe("Translation-sync PRs carrying a metadata block"),
  targetRepos: z.array(z.string()),
  text: z.string().describe("`N upstream changes → M languages`"),
});

const LinkedItemSchema = z.object({ ref: z.string(), url, title: z.string().describe("PR or issue title, or a commit's subject line") });

const TokenRunSchema = z.object({
  onBehalfOf: z.string(),
  kind: z.string(),
  repo: z.string(),
  count: int,
  items: z.array(LinkedItemSchema),
});

const GithubTokenPullRequestSchema = z.object({
  ref: z.string(),
  url,
  repo: z.string(),
  title: z.string(),
  kind: z.string().nullable(),
});

const ChannelRowSchema = z.object({
  channel,
  items: int.describe("Automation items with an event in the window"),
  previous: int.nullable(),
  change: z.number().int().nullable(),
});

const MigrationCountSchema = z.object({
  personalToken: int.describe("Automation items under a personal token"),
  automation: int.describe("All automation items"),
  share: share.describe("Share of automation still under a personal token (0..1); null without automation"),
});

const MigrationStatusSchema = MigrationCountSchema.extend({
  previous: MigrationCountSchema.nullable(),
  change: z.number().nullable().describe("Change of `share` since the previous window (0..1 units, 4 decimals)"),
});

const TokenPersonSchema = z.object({ onBehalfOf: z.string(), kind: z.string(), count: int, repos: z.array(z.string()) });

const MovedSchema = z.object({
  kind: z.string(),
  repo: z.string(),
  previousPersonalToken: int,
  personalToken: int,
  machineAccount: int,
  done: z.boolean().describe("Nothing of it ran under a personal token any more"),
});

const ChecklistStepSchema = z.object({
  id: z.string().describe("The audit's step id, e.g. `org-secret`"),
  step: z.string(),
  status: z.enum(["done", "not-done", "unknown"]),
  detail: z.string().describe("What the data says, lines joined by `; `"),
});

const LinkedCountSchema = SplitSchema.extend({ total: int, url });

const RepoRowSchema = z.object({
  repo: z.string(),
  url,
  issuesOpened: LinkedCountSchema,
  issuesClosed: LinkedCountSchema,
  pullRequestsOpened: LinkedCountSchema,
  pullRequestsMerged: LinkedCountSchema,
  commits: LinkedCountSchema,
});

const EvidenceSchema = z.object({ rule: z.string(), signal: z.string(), detail: z.string() });

const ItemSchema = z.object({
  ref: z.string().describe("`owner/repo#N`, `owner/repo@<oid>`, `owner/repo#N/review/<i>` or `owner/repo#N/comment/<i>`"),
  type: z.enum(ITEM_TYPES),
  repo: z.string().describe("`owner/name`"),
  url: z.string().describe("The PR, issue or commit on GitHub (a review links to its PR)"),
  title: z.string().describe("PR or issue title (a review: its PR's), or a commit's subject line"),
  date: instant.describe("When it was opened, committed or submitted"),
  class: z.enum(["human", "automation"]),
  channel,
  kind: z.string().nullable(),
  actor: z.string(),
  onBehalfOf: z.string().nullable(),
  rule: z.string().describe("The rule that decided the verdict"),
  evidence: z.array(EvidenceSchema).readonly(),
  firstHumanResponseAt: instant.nullable().optional().describe("PRs and issues opened in the window: the first comment or review by a person other than the author; null if none yet"),
});

export const ReportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    org: z.string(),
    window: WindowSchema,
    header: z.object({
      org: z.string(),
      title: z.string().describe("e.g. `QuantEcon activity report: May 2026`"),
      window: WindowSchema.extend({
        label: z.string().describe("`May 2026` for a calendar month, else the first and last day"),
        firstDay: z.string().describe("YYYY-MM-DD in the window's zone"),
        lastDay: z.string().describe("YYYY-MM-DD in the window's zone, inclusive"),
      }),
      source: z.object({ kind: z.string(), org: z.string(), apiUrl: z.string().nullable() }),
      generatedAt: instant,
      datasetGeneratedAt: instant,
      previousWindow: WindowSchema.extend({ label: z.string() }).nullable().describe("The window of the previous dataset, when one was given"),
    }),
    totals: z
      .object({ pullRequest: SplitSchema, commit: SplitSchema, issue: SplitSchema, review: SplitSchema, comment: SplitSchema })
      .describe("Items (verdicts) per type, human vs automation"),
    summary: z.object({
      contributions: ContributionsSchema,
      previousContributions: ContributionsSchema.nullable().describe("The headline of the previous dataset, when one was given"),
      executive: z.array(z.string()).describe("The executive summary: a few plain sentences, most important first"),
      measures: z.array(MeasureRowSchema),
      overall: ComparedSchema.describe("All in-window events together"),
      weeks: z.array(WeekSchema).describe("In-window events per 7-day bucket from the window's start (the last may be partial)"),
      responsiveness: ResponsivenessSummarySchema,
    }),
    people: z.array(PersonSchema).describe("Human work only, one row per person"),
    automation: z.object({
      byKind: z.array(AutomationKindSchema),
      byRepo: z.array(AutomationRepoSchema),
      translation: z.array(TranslationSchema),
    }),
    migration: z.object({
      machineAccounts: z.array(z.string()),
      status: MigrationStatusSchema,
      byPerson: z.array(TokenPersonSchema).describe("Personal-token automation per person and kind"),
      moved: z.array(MovedSchema).describe("Automation (kind, repository) that ran under a personal token in the previous window and under a machine account in this one"),
      channels: z.array(ChannelRowSchema),
      personalToken: z.array(TokenRunSchema).describe("What still runs under a person's token"),
      githubTokenPullRequests: z.array(GithubTokenPullRequestSchema).describe("PRs opened with GITHUB_TOKEN: no CI runs on them"),
      checklist: z.array(ChecklistStepSchema).nullable().describe("The credential audit's migration checklist, when given"),
    }),
    repos: z.array(RepoRowSchema),
    completeness: z.object({
      complete: z.boolean().describe("No warnings other than EXCLUDED"),
      unreadableRepos: z.array(z.string()).describe("Repositories the token could not read (FORBIDDEN, NOT_FOUND)"),
      warnings: z.array(z.object({ code: z.string(), message: z.string(), repo: z.string().nullable() })),
    }),
    history: z
      .array(
        z.object({
          month: z.string().describe("YYYY-MM"),
          label: z.string(),
          contributions: ContributionsSchema,
          personalTokenShare: share.describe("Share of automation under a personal token that month"),
        }),
      )
      .describe("Earlier months at hand (the dataset cache), oldest first, as `qe-report trend` gives them; empty when none"),
    items: z.array(ItemSchema).describe("One verdict per item"),
  })
  .describe("A qe-report activity report (qe-report/v1)");

export type Report = z.infer<typeof ReportSchema>;
export type ReportPerson = z.infer<typeof PersonSchema>;
export type ReportRepoRow = z.infer<typeof RepoRowSchema>;
export type ReportMeasureRow = z.infer<typeof MeasureRowSchema>;
export type ReportWeek = z.infer<typeof WeekSchema>;
export type ReportTranslation = z.infer<typeof TranslationSchema>;
export type ReportChecklistStep = z.infer<typeof ChecklistStepSchema>;
export type ReportChannelRow = z.infer<typeof ChannelRowSchema>;
export type ReportCounts = z.infer<typeof CountsSchema>;
export type ReportContributions = z.infer<typeof ContributionsSchema>;
export type ReportItem = z.infer<typeof ItemSchema>;
export type ReportMigration = Report["migration"];
export type ReportHistoryMonth = Report["history"][number];

/** The JSON Schema of `qe-report/v1`, generated from `ReportSchema`. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

import { z } from "zod";

/*
 * The report's responsiveness fields, kept apart from schema.ts so the section can change
 * without touching the rest of the model.
 */

const int = z.number().int().nonnegative();
const hours = z.number().nonnegative().nullable().describe("Hours, 2 decimals; null when there is nothing to measure");
const share = z.number().min(0).max(1).nullable().describe("0..1, 4 decimals; null when nothing was opened");

/** Opened items, how many a person answered, and how fast. */
const StatsSchema = z.object({
  opened: int.describe("Opened in the window"),
  responded: int.describe("Of those, answered by a person other than the author (comment or review)"),
  share,
  medianHours: hours.describe("Median hours to the first human response; the mean of the two middle values for an even count"),
  p90Hours: hours.describe("90th percentile: linear interpolation at rank (n−1)·0.9 of the sorted hours (type 7, as NumPy and PERCENTILE.INC)"),
});

const DurationSchema = z.object({ count: int, medianHours: hours, p90Hours: hours });

const TypeSchema = StatsSchema.extend({
  firstReview: DurationSchema.nullable().describe("PRs: hours to the first human review; null for issues"),
  close: DurationSchema.describe("Hours from opening to closing (or merging), over the items closed"),
  automationFirst: DurationSchema.extend({ share }).describe("Items automation answered before any person (bots, AI reviewers, workflows under a person's token), and how fast"),
  previous: StatsSchema.nullable().describe("The same figures for the previous dataset, when one was given"),
  medianChangeHours: z.number().nullable().describe("Median now minus the previous median"),
});

const RepoSchema = z.object({ repo: z.string(), url: z.string(), pullRequests: StatsSchema, issues: StatsSchema });

const WaitingSchema = z.object({
  ref: z.string(),
  type: z.enum(["pullRequest", "issue"]),
  repo: z.string(),
  title: z.string(),
  createdAt: z.string(),
  waitingHours: z.number().nonnegative(),
  waitingDays: z.number().nonnegative().describe("waitingHours / 24, 1 decimal"),
});

/** `summary.responsiveness`: time to first human response and what automation answered. */
export const ResponsivenessSummarySchema = z
  .object({
    comments: z.boolean().describe("Whether the dataset carries comments; without them only reviews count as responses"),
    previousComments: z.boolean().nullable().describe("Whether the previous dataset carries comments (null without one): a trend across the two kinds compares different things"),
    asOf: z.string().describe("Instant the waiting times are measured to: the dataset's generation time"),
    pullRequests: TypeSchema,
    issues: TypeSchema,
    byRepo: z.array(RepoSchema),
    waiting: z.array(WaitingSchema).describe("Open items opened in the window that no person has answered, longest waiting first (at most 10)"),
  })
  .describe("First human response to the PRs and issues opened in the window");

/** Per-person conversation work added to each `people` row; null when the dataset carries no comments. */
export const ConversationFields = {
  comments: int.nullable().describe("Human comments written in the window"),
  issuesClosed: int.nullable().describe("Issues this person closed in the window (from the closing event)"),
  triage: int.nullable().describe("PRs and issues opened in the window by someone else that this person answered first"),
};

export type ReportResponsiveness = z.infer<typeof ResponsivenessSummarySchema>;

import { z } from "zod";
import { AttributionError } from "./errors.js";
import { invalid } from "./dataset.js";
import { issueLines } from "./issues.js";
import { patternProblem } from "./pattern.js";
import { isValidTimeZone } from "./windows.js";

const pattern = z
  .string()
  .superRefine((source, ctx) => {
    const problem = patternProblem(source);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("Regular expression; `/…/i` form for flags");

const patterns = z.union([pattern, z.array(pattern).min(1)]).describe("One pattern, or a list of which any may match");
const logins = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe("Login(s), either spelling of a bot (`x` or `x[bot]`), case-insensitive");

export const ITEM_TYPES = ["pullRequest", "commit", "issue", "review", "comment"] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const CHANNELS = ["human", "machine-account", "github-actions", "github-app", "personal-token"] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const BUILTIN_KINDS = [
  "dependency-update",
  "translation-sync",
  "content-sync",
  "notebook-publish",
  "style-review",
  "report",
  "release",
  "ci",
  "ai-agent",
  "other",
] as const;

export const MatchSchema = z
  .strictObject({
    repo: patterns.optional().describe("Repository `owner/name`"),
    author: logins.optional().describe("Who GitHub shows as the author (PR, issue, review, commit login)"),
    authorPattern: patterns.optional().describe("Pattern on the author's login"),
    authorType: z.enum(["User", "Bot"]).optional().describe("The author's GraphQL type"),
    branch: patterns.optional().describe("PR head branch"),
    baseBranch: patterns.optional().describe("PR base branch"),
    title: patterns.optional().describe("PR or issue title"),
    body: patterns.optional().describe("PR, issue or comment body (multi-line)"),
    labels: z.array(z.string().min(1)).min(1).optional().describe("Any of these labels (case-insensitive)"),
    message: patterns.optional().describe("Full commit message, trailers included"),
    trailer: patterns.optional().describe("A commit trailer line such as `Co-authored-by: …`"),
    gitName: patterns.optional().describe("Commit author's or committer's git name"),
    gitEmail: patterns.optional().describe("Commit author's or committer's git email"),
    committer: logins.optional().describe("Commit committer login"),
  })
  .refine((m) => Object.keys(m).length > 0, { message: "needs at least one condition" })
  .describe("Conditions that must all hold; a list inside one condition matches if any entry does");
export type Match = z.infer<typeof MatchSchema>;

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/, "use lower-case letters, digits, and . _ / -").describe("Unique id; reusing a built-in id overrides it"),
    description: z.string().optional(),
    on: z.array(ItemTypeSchema).min(1).describe("Item types the rule applies to"),
    match: z
      .union([MatchSchema, z.array(MatchSchema).min(1)])
      .describe("A set of conditions that must all hold, or a list of such sets of which any may match"),
    class: z.enum(["automation", "human"]).default("automation").describe("What a match makes the item"),
    kind: z.string().min(1).optional().describe("Automation kind (a built-in or your own); required for automation rules"),
    channel: ChannelSchema.optional().describe("Force the channel; default: from the author's identity"),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    if (rule.class === "automation" && !rule.kind) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "is required for an automation rule" });
    }
    if (rule.class === "human" && rule.channel && rule.channel !== "human") {
      ctx.addIssue({ code: "custom", path: ["channel"], message: "a human rule cannot set an automation channel" });
    }
  });
export type Rule = z.output<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

export const MachineAccountSchema = z.strictObject({
  login: z.string().min(1).describe("The machine account's GitHub login"),
  names: z.array(z.string().min(1)).default([]).describe("Git author names it commits under"),
  emails: z.array(z.string().min(1)).default([]).describe("Git emails it commits under (case-insensitive)"),
  secrets: z.array(z.string().min(1)).default([]).describe("Actions secrets that should hold its token"),
  description: z.string().optional(),
});
export type MachineAccount = z.output<typeof MachineAccountSchema>;

export const BotAccountSchema = z.strictObject({
  login: z.string().min(1),
  kind: z.string().min(1).default("other").describe("What this account's automation does"),
  channel: z.enum(["machine-account", "github-actions", "github-app"]).optional(),
});

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema reference for editors"),
    org: z.string().min(1).optional().describe("GitHub organization"),
    timeZone: z
      .string()
      .default("UTC")
      .refine(isValidTimeZone, { message: "unknown IANA time zone" })
      .describe("IANA zone for month/week windows"),
    machineAccounts: z.array(MachineAccountSchema).default([]).describe("Accounts that exist for automation"),
    people: z.array(z.string().min(1)).default([]).describe("Logins that are always people, whatever their name looks like"),
    bots: z.array(BotAccountSchema).default([]).describe("Extra automation accounts not recognisable by name"),
    aliases: z
      .record(z.string().min(1), z.array(z.string().min(1)).min(1))
      .default({})
      .describe("Git names and emails that belong to a login (login: [name or email, ...]), for commits linked to no account"),
    builtins: z
      .strictObject({ disable: z.array(z.string()).default([]).describe("Built-in rule ids to turn off") })
      .default({ disable: [] }),
    rules: z.array(RuleSchema).default([]).describe("Your rules; they run before the built-ins"),
    repos: z
      .strictObject({
        include: z.array(pattern).optional().describe("Only repos whose whole name (without the owner) matches one of these"),
        exclude: z.array(pattern).default([]).describe("Repos to leave out, matched against the whole name without the owner, e.g. `lecture-.*\\.notebooks`"),
      })
      .default({ exclude: [] }),
    team: z
      .array(z.string().min(1))
      .default([])
      .describe("Core team: logins the report lists apart from the community (case-insensitive)"),
    // `report:` was accepted and did nothing; refused, so a user never believes it took effect.
    report: z
      .unknown()
      .optional()
      .refine((v) => v === undefined, { message: "is not a config key any more (it never did anything): remove it; report options are qe-report's command-line flags" })
      .meta({ description: "Not supported: report options are qe-report's command-line flags", not: {} }),
  })
  .superRefine((config, ctx) => {
    const ids = new Map<string, number>();
    config.rules.forEach((rule, i) => {
      const first = ids.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id "${rule.id}" (also rules[${first}])` });
      } else ids.set(rule.id, i);
    });
  })
  .describe("qe-report configuration");

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Validation result: the config with defaults applied, or every problem as a `path: message` line. */
export type ConfigParseResult =
  | { ok: true; config: Config; errors: undefined }
  | { ok: false; config: undefined; errors: string[] };

/** Validates unknown input (parsed YAML or JSON) as a config, without throwing. */
export function safeParseConfig(input: unknown): ConfigParseResult {
  const parsed = ConfigSchema.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, config: undefined, errors: issueLines("config", parsed.error) };
  return { ok: true, config: parsed.data, errors: undefined };
}

/** Validates a config, throwing `E_INVALID_CONFIG` whose message names the first bad key. */
export function parseConfig(input: unknown): Config {
  const result = safeParseConfig(input);
  if (!result.ok) throw invalid("E_INVALID_CONFIG", result.errors);
  return result.config;
}

/** The config used when none is given: built-in rules only. */
export function defaultConfig(): Config {
  return parseConfig({});
}

export { AttributionError };

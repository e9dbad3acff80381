import type { z } from "zod";

/** Renders a zod issue path as `root.key[0].key`, the form every error line uses. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function article(type: string): string {
  if (type === "undefined" || type === "null") return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function received(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (Array.isArray(input)) return "an array";
  // JSON's `1e400` parses as Infinity: a number, but not one any field can hold.
  if (typeof input === "number" && !Number.isFinite(input)) return `a number too large to hold (${input})`;
  return article(typeof input);
}

/** Turns one zod issue into the plain words of an error line (no stack, no zod jargon). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const got = received(issue.input);
      if (got === "nothing") return `is required (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${got}`;
    }
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(issue.input)}`;
    case "invalid_union":
      return issue.message && issue.message !== "Invalid input" ? issue.message : "does not match any allowed form";
    default:
      return issue.message;
  }
}

/** All issues of a failed parse as `path: message` lines, in the order zod found them. */
export function issueLines(root: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.code === "unrecognized_keys" ? issue.path : issue.path;
    return `${formatPath(root, path)}: ${describeIssue(issue)}`;
  });
}

import { describe, expect, it } from "vitest";
import { gitTimestamp } from "./git-timestamp.js";

describe("gitTimestamp", () => {
  it("writes the instant in git's own offset, across day boundaries both ways", () => {
    expect(gitTimestamp("2026-05-03T23:30:00Z", "+02:00")).toBe("2026-05-04T01:30:00+02:00");
    expect(gitTimestamp("2026-05-03T02:15:00Z", "-05:30")).toBe("2026-05-02T20:45:00-05:30");
    expect(gitTimestamp("2026-05-03T10:00:00Z", "+00:00")).toBe("2026-05-03T10:00:00+00:00");
    expect(Date.parse(gitTimestamp("2026-05-03T02:15:00Z", "-05:30") ?? "")).toBe(Date.parse("2026-05-03T02:15:00Z"));
  });

  it("answers null when the world records no offset, or a malformed one", () => {
    expect(gitTimestamp("2026-05-03T10:00:00Z", undefined)).toBeNull();
    expect(gitTimestamp("2026-05-03T10:00:00Z", "+2")).toBeNull();
  });
});

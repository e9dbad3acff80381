import { describe, expect, it } from "vitest";
import { inWindow, issueInWindow, lastCompleteMonth, monthWindow, pullRequestInWindow, rangeWindow, weekWindow, windowTest } from "./windows.js";

describe("time windows", () => {
  it("gives a month as [from, to) in UTC instants", () => {
    expect(monthWindow("2026-05", "UTC")).toEqual({ from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" });
    expect(monthWindow("2026-12", "UTC").to).toBe("2027-01-01T00:00:00Z");
  });

  it("follows DST: March in New York starts at UTC-5 and ends at UTC-4", () => {
    expect(monthWindow("2026-03", "America/New_York")).toEqual({ from: "2026-03-01T05:00:00Z", to: "2026-04-01T04:00:00Z", timeZone: "America/New_York" });
    // Sydney leaves standard time (UTC+10) for daylight time (UTC+11) in October.
    expect(monthWindow("2026-10", "Australia/Sydney")).toMatchObject({ from: "2026-09-30T14:00:00Z", to: "2026-10-31T13:00:00Z" });
  });

  it("gives the seven days ending on a date, across a DST change", () => {
    // Europe/London springs forward on 2026-03-29: the week is 167 hours long.
    const w = weekWindow("2026-03-31", "Europe/London");
    expect(w).toMatchObject({ from: "2026-03-25T00:00:00Z", to: "2026-03-31T23:00:00Z" });
    expect((Date.parse(w.to) - Date.parse(w.from)) / 3_600_000).toBe(167);
  });

  it("takes ranges of whole days or of instants", () => {
    expect(rangeWindow("2026-05-01", "2026-05-31", "UTC")).toMatchObject({ from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" });
    expect(rangeWindow("2026-05-01T12:00:00Z", "2026-05-02T00:00:00+02:00")).toMatchObject({ from: "2026-05-01T12:00:00Z", to: "2026-05-01T22:00:00Z" });
  });

  it.each([
    [() => monthWindow("2026-13"), 'month "2026-13": expected YYYY-MM with a month from 01 to 12'],
    [() => monthWindow("May 2026"), 'month "May 2026": expected YYYY-MM'],
    [() => monthWindow("2026-05", "Mars/Olympus"), 'time zone "Mars/Olympus": unknown IANA time zone'],
    [() => weekWindow("2026-02-30"), 'week ending "2026-02-30": expected a date as YYYY-MM-DD'],
    [() => rangeWindow("2026-05-10", "2026-05-01"), 'to "2026-05-01": must be after from "2026-05-10"'],
    [() => rangeWindow("2026-05-01T00:00", "2026-05-02"), "from \"2026-05-01T00:00\": expected YYYY-MM-DD or an ISO 8601 instant with a zone"],
  ])("rejects bad input with a clear message (%#)", (call, message) => {
    expect(call).toThrow(message);
  });

  it("finds the last complete month in a zone", () => {
    // 03:00 UTC on June 1st is still May 31st in New York.
    expect(lastCompleteMonth(new Date("2026-06-01T03:00:00Z"), "America/New_York")).toBe("2026-04");
    expect(lastCompleteMonth(new Date("2026-06-01T03:00:00Z"), "UTC")).toBe("2026-05");
    expect(lastCompleteMonth(new Date("2026-01-15T00:00:00Z"), "UTC")).toBe("2025-12");
  });

  it("treats the window as half-open", () => {
    const w = monthWindow("2026-05");
    expect(inWindow("2026-05-01T00:00:00Z", w)).toBe(true);
    expect(inWindow("2026-06-01T00:00:00Z", w)).toBe(false);
    expect(inWindow(null, w)).toBe(false);
  });

  it("reads instants with offsets and milliseconds as instants, whichever window came before", () => {
    const may = monthWindow("2026-05");
    const test = windowTest(may);
    expect(test("2026-05-31T23:59:59.999Z")).toBe(true);
    expect(test("2026-06-01T01:30:00+02:00")).toBe(true);
    expect(test("2026-05-01T01:30:00+02:00")).toBe(false);
    expect(inWindow("2026-06-01T01:30:00+02:00", may)).toBe(true);
    expect(inWindow("2026-06-01T01:30:00+02:00", monthWindow("2026-06"))).toBe(false);
    expect(inWindow("2026-06-01T00:00:00Z", monthWindow("2026-06"))).toBe(true);
  });

  it("tells which pull requests and issues a window's dataset holds", () => {
    const may = monthWindow("2026-05");
    const april = { createdAt: "2026-04-02T00:00:00Z", mergedAt: null, closedAt: null, reviews: [] };
    expect(pullRequestInWindow(april, may)).toBe(false);
    expect(pullRequestInWindow({ ...april, reviews: [{ author: "a", state: "APPROVED" as const, submittedAt: "2026-05-03T00:00:00Z" }] }, may)).toBe(true);
    expect(pullRequestInWindow({ ...april, mergedAt: "2026-05-03T00:00:00Z" }, may)).toBe(true);
    expect(issueInWindow({ createdAt: "2026-04-02T00:00:00Z", closedAt: "2026-05-31T00:00:00Z" }, may)).toBe(true);
    expect(issueInWindow({ createdAt: "2026-04-02T00:00:00Z", closedAt: null }, may)).toBe(false);
  });

  it("holds pull requests and issues commented in the window when the dataset carries comments", () => {
    const may = monthWindow("2026-05");
    const comment = (createdAt: string) => ({ author: "jstac", createdAt, authorAssociation: "MEMBER" as const, body: "Thanks!" });
    const april = { createdAt: "2026-04-02T00:00:00Z", mergedAt: null, closedAt: null, reviews: [] };
    expect(pullRequestInWindow({ ...april, comments: [comment("2026-04-03T00:00:00Z")] }, may)).toBe(false);
    expect(pullRequestInWindow({ ...april, comments: [comment("2026-04-03T00:00:00Z"), comment("2026-05-31T23:59:59Z")] }, may)).toBe(true);
    expect(pullRequestInWindow({ ...april, comments: [comment("2026-06-01T00:00:00Z")] }, may)).toBe(false);
    expect(issueInWindow({ createdAt: "2026-03-02T00:00:00Z", closedAt: null, comments: [comment("2026-05-01T00:00:00Z")] }, may)).toBe(true);
    expect(issueInWindow({ createdAt: "2026-03-02T00:00:00Z", closedAt: null, comments: [] }, may)).toBe(false);
  });
});

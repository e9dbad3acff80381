import { generateKeyPairSync } from "node:crypto";
import { FAKE_VIEWER, loadFixtureWorld, postingState, startFakeGitHub, startHostileGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { GitHubError } from "./errors.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appInstallationToken } from "./app-auth.js";
import { defuseMentions, postKey, postReport, readPostMarker } from "./post-issue.js";

const TOKEN = "ghp_CANARY_post_issue_0123456789";
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } });
const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
let gh: FakeGitHub;

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN, app: { appId: 4242, publicKey, installations: { QuantEcon: 77 } } });
});
afterAll(() => gh.close());

const window = { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" };
const base = () => ({ repo: "QuantEcon/meta", apiUrl: gh.url, token: TOKEN, key: postKey("QuantEcon", window), title: "QuantEcon activity report: May 2026", notBefore: window.to });
const issuesWithKey = (key: string) => gh.world.repo("QuantEcon/meta")!.issues.filter((i) => readPostMarker(i.body)?.key === key);

describe("postReport", () => {
  it("creates one issue with continuation comments, then updates them on a re-run instead of posting again", async () => {
    const first = await postReport({ ...base(), parts: ["# Report\nhello @mmcky", "part two", "part three"], labels: ["activity-report"] });
    expect(first.issue.action).toBe("created");
    expect(first.comments.map((c) => c.action)).toEqual(["created", "created"]);
    const [issue] = issuesWithKey(base().key);
    expect(issue).toBeDefined();
    expect(issue!.labels).toEqual(["activity-report"]);
    // Mentions are defused: GitHub would not notify mmcky.
    expect(issue!.body).toContain("hello @&#8203;mmcky");
    expect(readPostMarker(issue!.body)?.commentIds).toHaveLength(2);

    const dry = await postReport({ ...base(), parts: ["# Report v2", "two"], dryRun: true });
    expect(dry.issue.action).toBe("would-update");
    expect(dry.url).toBe(first.url);
    expect(dry.comments.map((c) => c.action)).toEqual(["would-update", "would-retire"]);

    const before = postingState(gh.world).mutations.length;
    const second = await postReport({ ...base(), parts: ["# Report v2", "two"] });
    expect(second.url).toBe(first.url);
    expect(second.issue.action).toBe("updated");
    expect(second.comments.map((c) => c.action)).toEqual(["updated", "retired"]);
    expect(issuesWithKey(base().key)).toHaveLength(1);
    expect(postingState(gh.world).mutations.slice(before)).not.toContain("createIssue");
    const comments = [...postingState(gh.world).comments.values()].filter((c) => c.issueId === gh.world.issueItem(gh.world.repo("QuantEcon/meta")!, first.number!)!.id);
    expect(comments.map((c) => c.body.split("\n")[0])).toEqual(["two", "_This part of an earlier, longer version of the report is no longer used._"]);

    const beforeThird = postingState(gh.world).mutations.length;
    const third = await postReport({ ...base(), parts: ["# Report v2", "two"] });
    expect(third.issue.action).toBe("unchanged");
    // Unchanged comments are left alone too (the marker keeps a digest of each): no write at all.
    expect(third.comments.map((c) => c.action)).toEqual(["unchanged", "unchanged"]);
    expect(postingState(gh.world).mutations.length).toBe(beforeThird);
  });

  it("ignores an issue someone else opened with the same marker", async () => {
    const key = postKey("QuantEcon", { from: "2026-04-01T00:00:00Z", to: "2026-05-01T00:00:00Z" });
    const entry = gh.world.repo("QuantEcon/meta")!;
    const mine = await postReport({ ...base(), key, parts: ["april"] });
    const planted = { ...gh.world.item(gh.world.issueItem(entry, mine.number!)!.id)!.rec, number: 9999, author: "someone", url: "https://github.com/QuantEcon/meta/issues/9999", createdAt: "2030-01-01T00:00:00Z" };
    gh.world.addIssue(entry, planted as never);
    expect(FAKE_VIEWER).not.toBe("someone");
    const again = await postReport({ ...base(), key, parts: ["april v2"] });
    expect(again.number).toBe(mine.number);
  });

  it("posts with a GitHub App installation token after a checked JWT exchange", async () => {
    const { token, installationId } = await appInstallationToken({ appId: "4242", privateKey: privateKey.replace(/\n/g, "\\n") }, { owner: "QuantEcon", restUrl: gh.apiUrl });
    expect(installationId).toBe(77);
    expect(token).toMatch(/^ghs_/);
    const posted = await postReport({ ...base(), key: "app test", token, parts: ["by the app"] });
    expect(posted.issue.action).toBe("created");
    await expect(appInstallationToken({ appId: "4242", privateKey: other.privateKey }, { owner: "QuantEcon", restUrl: gh.apiUrl })).rejects.toThrow(/rejected the app's JSON Web Token \(401\)/);
    await expect(appInstallationToken({ appId: "4242", privateKey }, { owner: "NotInstalled", restUrl: gh.apiUrl })).rejects.toThrow(/is the app installed there/);
  });

  it("refuses a bad repository name and a rejected token in one line, without the token", async () => {
    await expect(postReport({ ...base(), repo: "not a repo", parts: ["x"] })).rejects.toThrow(/expected OWNER\/REPO/);
    const err = await postReport({ ...base(), token: "ghp_wrong_token_value", parts: ["x"] }).catch((e: Error) => e);
    expect(String(err)).toMatch(/rejected the post token \(401\)/);
    expect(String(err)).not.toContain("ghp_wrong_token_value");
  });
});

describe("defuseMentions", () => {
  it("defuses user and team mentions but not e-mail addresses or code", () => {
    expect(defuseMentions("thanks @mmcky and @QuantEcon/core; mail a@b.org; `@keep`")).toBe("thanks @&#8203;mmcky and @&#8203;QuantEcon/core; mail a@b.org; `@keep`");
  });
});

describe("postReport against a hostile server", () => {
  it.each(["endless", "gzip-bomb"] as const)("%s: stops at the fetcher's size limit with one line that holds no token", async (mode) => {
    const hostile = await startHostileGitHub(mode, loadFixtureWorld(), { token: TOKEN });
    try {
      const error = await postReport({ ...base(), apiUrl: hostile.url, parts: ["# Report"] }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(GitHubError);
      expect(error?.message).toMatch(/^posting to QuantEcon\/meta: .*64 MB/);
      expect(error?.message).not.toContain(TOKEN);
      expect(hostile.requests).toBe(1);
    } finally {
      await hostile.close();
    }
  }, 60_000);
});

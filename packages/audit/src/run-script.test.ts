import { describe, expect, it } from "vitest";
import { scanRunScript, userinfoToken } from "./run-script.js";

describe("scanRunScript", () => {
  it("finds each writing command once, ignoring comments and reads", () => {
    const scan = scanRunScript(
      [
        "# git push would be here",
        "gh pr list",
        "gh api repos/QuantEcon/meta/issues",
        "git push origin HEAD",
        "gh pr create --title x \\",
        "  --repo QuantEcon/lecture-python.zh-cn",
        "gh pr merge 12 --auto",
        "gh issue create -R QuantEcon/meta --title y",
        "gh issue comment 3 --body z",
        "gh api -X POST repos/QuantEcon/meta/dispatches",
        "gh release create v1",
        "git push --tags",
      ].join("\n"),
    );
    expect(scan.commands.map((c) => [c.operation, c.targets])).toEqual([
      ["push", []],
      ["create-pr", ["QuantEcon/lecture-python.zh-cn"]],
      ["merge-pr", []],
      ["create-issue", ["QuantEcon/meta"]],
      ["comment", []],
      ["api", []],
      ["release", []],
    ]);
  });

  it("reads `gh api` with fields as a write", () => {
    expect(scanRunScript("gh api repos/o/r/labels -f name=x").commands.map((c) => c.operation)).toEqual(["api"]);
  });

  it("records tokens the script sets itself", () => {
    const scan = scanRunScript(
      'export GH_TOKEN="${{ secrets.A }}"\necho "$T" | gh auth login --with-token\ngh auth setup-git\ngit remote set-url origin https://x-access-token:${{ secrets.B }}@github.com/QuantEcon/meta.git\n',
    );
    expect(scan.shellVars.get("GH_TOKEN")).toBe("${{ secrets.A }}");
    expect(scan.ghLoginToken).toBe("$T");
    expect(scan.ghSetupGit).toBe(true);
    expect(scan.tokenUrl).toEqual({ userinfo: "x-access-token:${{ secrets.B }}", repo: "QuantEcon/meta" });
    expect(userinfoToken(scan.tokenUrl!.userinfo)).toBe("${{ secrets.B }}");
  });

  it("ignores URLs without credentials", () => {
    expect(scanRunScript("git push https://github.com/QuantEcon/meta.git").tokenUrl).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { resolveCredential, type ResolveContext } from "./credentials.js";
import type { EnvLayer } from "./workflow-model.js";

function layer(scope: EnvLayer["scope"], values: Record<string, string>): EnvLayer {
  return { scope, values, lines: Object.fromEntries(Object.keys(values).map((k, i) => [k, i + 1])) };
}

function ctx(layers: EnvLayer[] = [], extra: Partial<ResolveContext> = {}): ResolveContext {
  return { layers, appSteps: new Map([["app", "actions/create-github-app-token@v2"]]), machineSecrets: new Map([["QUANTECON_SERVICES_PAT", "quantecon-services"]]), ...extra };
}

const resolve = (raw: string, c: ResolveContext = ctx()) => resolveCredential(raw, "with.token", 7, c);

describe("resolveCredential", () => {
  it("maps the workflow token to github-actions, in either spelling", () => {
    for (const raw of ["${{ secrets.GITHUB_TOKEN }}", "${{ github.token }}", "${{ secrets.github_token }}"]) {
      expect(resolve(raw)).toMatchObject({ channel: "github-actions", secret: "GITHUB_TOKEN", machineAccount: null });
    }
  });

  it("maps a declared secret to its machine account, case-insensitively", () => {
    expect(resolve("${{ secrets.quantecon_services_pat }}")).toMatchObject({ channel: "machine-account", machineAccount: "quantecon-services", secret: "quantecon_services_pat" });
    expect(resolve("${{ secrets['QUANTECON_SERVICES_PAT'] }}")).toMatchObject({ channel: "machine-account" });
  });

  it("treats any other secret as a personal token", () => {
    expect(resolve("${{ secrets.MMCKY_PAT }}")).toMatchObject({ channel: "personal-token", secret: "MMCKY_PAT" });
  });

  it("maps a token minted in the job by an app-token step to github-app", () => {
    expect(resolve("${{ steps.app.outputs.token }}")).toMatchObject({ channel: "github-app", secret: null });
    expect(resolve("${{ steps.other.outputs.token }}")).toMatchObject({ channel: "unknown" });
  });

  it("uses the first operand of a fallback and records the rest", () => {
    const c = resolve("${{ secrets.QUANTECON_SERVICES_PAT || secrets.GITHUB_TOKEN }}");
    expect(c).toMatchObject({ channel: "machine-account", secret: "QUANTECON_SERVICES_PAT", fallbacks: ["GITHUB_TOKEN"] });
    expect(c.note).toContain("falls back to GITHUB_TOKEN");
    expect(c.expression).toBe("${{ secrets.QUANTECON_SERVICES_PAT || secrets.GITHUB_TOKEN }}");
  });

  it("follows env references from the step through job to workflow level", () => {
    const layers = [layer("step", { TOKEN: "${{ env.JOB_TOKEN }}" }), layer("job", { JOB_TOKEN: "${{ env.ORG_TOKEN }}" }), layer("workflow", { ORG_TOKEN: "${{ secrets.QUANTECON_SERVICES_PAT }}" })];
    expect(resolve("${{ env.TOKEN }}", ctx(layers))).toMatchObject({ channel: "machine-account", secret: "QUANTECON_SERVICES_PAT" });
  });

  it("takes the innermost env layer that sets a name", () => {
    const layers = [layer("step", { T: "${{ secrets.STEP_PAT }}" }), layer("job", { T: "${{ secrets.GITHUB_TOKEN }}" })];
    expect(resolve("${{ env.T }}", ctx(layers))).toMatchObject({ secret: "STEP_PAT" });
    expect(resolve("${{ env.T }}", ctx(layers.slice(1)))).toMatchObject({ secret: "GITHUB_TOKEN" });
  });

  it("does not let an env value refer to its own layer (GitHub does not either)", () => {
    const layers = [layer("job", { A: "${{ env.B }}", B: "${{ secrets.X }}" })];
    expect(resolve("${{ env.A }}", ctx(layers))).toMatchObject({ channel: "unknown" });
  });

  it("resolves shell variables in URLs and scripts through the script's own assignments, then env", () => {
    expect(resolve("$TOKEN", ctx([layer("job", { TOKEN: "${{ secrets.MMCKY_PAT }}" })]))).toMatchObject({ secret: "MMCKY_PAT", expression: "$TOKEN" });
    expect(resolve("${TOKEN}", ctx([], { shellVars: new Map([["TOKEN", "${{ secrets.GITHUB_TOKEN }}"]]) }))).toMatchObject({ channel: "github-actions" });
  });

  it("says unknown for an env variable set nowhere, inputs and variables", () => {
    expect(resolve("${{ env.NOPE }}")).toMatchObject({ channel: "unknown", secret: null });
    expect(resolve("${{ inputs.token }}").note).toContain("inputs.token");
  });

  it("never copies a literal value, and calls it a personal token", () => {
    const c = resolve("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(c.channel).toBe("personal-token");
    expect(c.expression).toBeNull();
    expect(JSON.stringify(c)).not.toContain("ghp_");
  });
});

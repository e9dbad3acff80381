import { describe, expect, it } from "vitest";
import { classifyActor, loginPattern } from "./actor.js";
import { parseConfig } from "./config.js";

const config = parseConfig({
  machineAccounts: [{ login: "quantecon-services" }],
  people: ["build-master"],
  bots: [{ login: "lecture-publisher", kind: "notebook-publish" }],
});

describe("classifyActor", () => {
  it.each([
    [{ login: "dependabot", type: "Bot" }, "automation", "github-app"],
    [{ login: "dependabot[bot]" }, "automation", "github-app"],
    [{ login: "DEPENDABOT[BOT]" }, "automation", "github-app"],
    [{ login: "github-actions", type: "Bot" }, "automation", "github-actions"],
    [{ login: "github-actions[bot]" }, "automation", "github-actions"],
    [{ login: "Copilot", type: "Bot" }, "automation", "github-app"],
    [{ login: "some-new-app", type: "Bot" }, "automation", "github-app"],
    [{ login: "quantecon-services", type: "User" }, "automation", "machine-account"],
    [{ login: "lecture-publisher", type: "User" }, "automation", "machine-account"],
    [{ login: "k8s-ci-robot", type: "User" }, "automation", "machine-account"],
    [{ login: "puppetlabs-jenkins", type: "User" }, "automation", "machine-account"],
    [{ login: "wpmobilebot", type: "User" }, "automation", "machine-account"],
    [{ login: "mmcky", type: "User", name: "Matt McKay" }, "human", "human"],
    [{ login: "olgabot", type: "User", name: "Olga Botvinnik" }, "human", "human"],
    [{ login: "timabbott", type: "User", name: "Tim Abbott" }, "human", "human"],
    [{ login: "timabbott" }, "human", "human"],
    [{ login: "scottbot" }, "human", "human"],
    [{ login: "build-master", type: "User" }, "human", "human"],
    [{ login: "copilot", type: "User" }, "human", "human"],
    [{ login: "QuantEcon", type: "Organization" }, "human", "human"],
  ])("%o is %s via %s", (actor, cls, channel) => {
    const verdict = classifyActor(actor, config);
    expect(verdict.class).toBe(cls);
    expect(verdict.channel).toBe(channel);
    expect(verdict.evidence.length).toBeGreaterThan(0);
  });

  it("lets a person's name explain a glued 'bot', but not a bot's name", () => {
    expect(classifyActor({ login: "testerbot2", type: "User", name: "Tester Bot" }).class).toBe("automation");
    expect(classifyActor({ login: "zarvinbot", type: "User" }).class).toBe("automation");
    expect(classifyActor({ login: "zarvinbot", type: "User", name: "Ana Zarvinbot" }).class).toBe("human");
    expect(classifyActor({ login: "olgabot", type: "User", name: "Olga Botvinnik" }).class).toBe("human");
  });

  it("keeps persona handles and surnames people, and finds function-named and glued machine logins (invented logins)", () => {
    for (const person of ["quietrobot", "the-robot", "mrzbot", "iamthebot", "gina-marcacci", "brian-bot", "julia-lebot", "brandonxbot", "q7robot", "robot42", "h0lybot"]) {
      expect(loginPattern(person), person).toBeUndefined();
    }
    for (const machine of ["acme-support", "payments-team", "widget-test", "devopsacme", "acme-ottomation-eu", "xqbot", "acme-triager", "repoguardian", "commitcop"]) {
      expect(loginPattern(machine), machine).toBeDefined();
    }
  });

  it("rates login patterns by strength", () => {
    expect(loginPattern("contiamo-ci")?.strength).toBe("strong");
    expect(loginPattern("cocoapodsbot")?.strength).toBe("weak");
    expect(loginPattern("HumphreyYang")).toBeUndefined();
  });
});

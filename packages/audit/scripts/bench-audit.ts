// Prints how long auditing a large org's workflows takes: `pnpm bench:audit [repos]`.
import { performance } from "node:perf_hooks";
import { parseConfig } from "@quantecon/attribution";
import { auditWorkflows, type WorkflowFile } from "../src/index.js";

const repos = Number(process.argv[2] ?? 500);
const config = parseConfig({ machineAccounts: [{ login: "quantecon-services", secrets: ["QUANTECON_SERVICES_PAT"] }] });

function workflow(i: number, j: number): string {
  return `name: Workflow ${j}
on: push
env:
  GH_TOKEN: \${{ secrets.${j % 2 ? "QUANTECON_SERVICES_PAT" : "MMCKY_PAT"} }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          token: \${{ secrets.QUANTECON_SERVICES_PAT || secrets.GITHUB_TOKEN }}
      - run: |
          make html
          git commit -am "build ${i}"
          git push
      - uses: peter-evans/create-pull-request@v7
        with:
          title: Sync ${i}
      - uses: QuantEcon/action-translation@v0.9
        with:
          target-repo: QuantEcon/lecture-${i}.zh-cn
          token: \${{ secrets.QUANTECON_SERVICES_PAT }}
      - name: Report
        run: gh issue create --title "Report ${i}" --body "..."
`;
}

const files: WorkflowFile[] = [];
for (let i = 0; i < repos; i++) for (let j = 0; j < 5; j++) files.push({ repo: `QuantEcon/repo-${i}`, path: `.github/workflows/w${j}.yml`, text: workflow(i, j) });
const bytes = files.reduce((n, f) => n + f.text.length, 0);

auditWorkflows(files.slice(0, 50), config); // warm up
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const result = auditWorkflows(files, config);
const ms = performance.now() - start;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
console.log(`audit: ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) from ${repos} repos → ${result.findings.length} findings in ${ms.toFixed(0)} ms (${((ms / files.length) * 1000).toFixed(0)} µs/file), heap +${heapMb.toFixed(0)} MB`);

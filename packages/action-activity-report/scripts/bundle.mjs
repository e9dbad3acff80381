// Bundles the Action into one self-contained ESM file, dist/index.js, so `uses:` needs no install.
import { readFileSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const templates = fileURLToPath(new URL("../../qe-report/templates/", import.meta.url));

// qe-report reads its built-in templates beside its own files; in one bundle they travel inline.
const TEMPLATE_READ = /readFileSync\(new URL\(`\.\.\/\.\.\/templates\/report\.\$\{format\}\.hbs`, import\.meta\.url\), "utf8"\)/;
const inlineTemplates = {
  name: "inline-qe-report-templates",
  setup(b) {
    b.onLoad({ filter: /qe-report[\\/]src[\\/]render[\\/]handlebars\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!TEMPLATE_READ.test(source)) {
        throw new Error(`${args.path}: builtinTemplate no longer reads templates/report.<format>.hbs as scripts/bundle.mjs expects; update its inlining`);
      }
      const inline = {
        md: readFileSync(`${templates}report.md.hbs`, "utf8"),
        html: readFileSync(`${templates}report.html.hbs`, "utf8"),
      };
      return { contents: source.replace(TEMPLATE_READ, `(${JSON.stringify(inline)})[format]`), loader: "ts" };
    });
  },
};

rmSync(`${root}dist`, { recursive: true, force: true });
mkdirSync(`${root}dist`, { recursive: true });
const result = await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/index.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  // The runner's Node is 24; the bundle also runs on Node 20 (the project's minimum) for tests.
  target: "node20",
  // Bundle the workspace packages from their TypeScript sources, not a possibly stale dist/.
  conditions: ["@quantecon/source"],
  minify: true,
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
  plugins: [inlineTemplates],
  // CommonJS dependencies (handlebars, commander) call require() for Node built-ins.
  banner: { js: 'import { createRequire as __qeCreateRequire } from "node:module"; const require = __qeCreateRequire(import.meta.url);' },
});
// dist/ is ESM wherever it is copied, with or without the package.json above it.
writeFileSync(`${root}dist/package.json`, '{ "type": "module" }\n');
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`action-activity-report: dist/index.js ${(bytes / 1024).toFixed(0)} KiB\n`);

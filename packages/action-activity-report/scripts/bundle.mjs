// Bundles the Action into one self-contained ESM file, dist/index.js, so `uses:` needs no install.
import { readdirSync, readFileSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const templates = fileURLToPath(new URL("../../qe-report/templates/", import.meta.url));

// qe-report reads its built-in templates beside its own files (src/render/templates.ts); in one
// bundle they travel inline: that module is replaced by one serving every file under templates/.
function templateFiles(dir, prefix = "") {
  const files = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) Object.assign(files, templateFiles(`${dir}${entry.name}/`, `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".hbs")) files[`${prefix}${entry.name}`] = readFileSync(`${dir}${entry.name}`, "utf8");
  }
  return files;
}
const inlineTemplates = {
  name: "inline-qe-report-templates",
  setup(b) {
    b.onLoad({ filter: /qe-report[\\/]src[\\/]render[\\/]templates\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!/export function templateFile\(/.test(source) || !/export function templateDir\(/.test(source)) {
        throw new Error(`${args.path}: no longer exports templateFile and templateDir as scripts/bundle.mjs expects; update its inlining`);
      }
      const files = templateFiles(templates);
      const contents = `const FILES: Record<string, string> = ${JSON.stringify(files)};
export function templateFile(path: string): string {
  const text = FILES[path];
  if (text === undefined) throw new Error(\`no built-in template \${path}\`);
  return text;
}
export function templateDir(dir: string): string[] {
  return Object.keys(FILES).filter((p) => p.startsWith(\`\${dir}/\`) && !p.slice(dir.length + 1).includes("/")).map((p) => p.slice(dir.length + 1)).sort();
}
`;
      return { contents, loader: "ts" };
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

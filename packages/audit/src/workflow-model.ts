import { isPlainMap, loadYaml, type LoadedYaml, type YamlMap } from "./load-yaml.js";

/** One `env:` block, with the line of each variable. */
export interface EnvLayer {
  scope: "workflow" | "job" | "step";
  values: Record<string, string>;
  lines: Record<string, number | null>;
}

/** One step of a job, as the audit needs it. */
export interface WorkflowStep {
  index: number;
  line: number;
  name: string | null;
  id: string | null;
  uses: string | null;
  run: string | null;
  with: Record<string, string>;
  withLines: Record<string, number | null>;
  env: EnvLayer;
}

/** One job: its env and its steps in order. */
export interface WorkflowJob {
  id: string;
  line: number;
  env: EnvLayer;
  steps: WorkflowStep[];
}

/** A workflow file reduced to what decides which credential writes to GitHub. */
export interface WorkflowModel {
  name: string | null;
  env: EnvLayer;
  jobs: WorkflowJob[];
}

/** Something in a file that stopped the audit from reading part of it. */
export interface ModelProblem {
  code: "yaml-syntax" | "empty-file" | "not-a-workflow";
  message: string;
  line: number | null;
}

/** Reads a workflow file into a `WorkflowModel`; problems are returned, never thrown. */
export function readWorkflow(text: string): { model: WorkflowModel | null; problems: ModelProblem[] } {
  if (text.trim() === "") return { model: null, problems: [{ code: "empty-file", message: "the file is empty", line: null }] };
  const loaded = loadYaml(text);
  if (!loaded.ok) return { model: null, problems: [{ code: "yaml-syntax", ...loaded.failure }] };
  const { yaml } = loaded;
  const root = yaml.value;
  if (root === null || root === undefined) {
    return { model: null, problems: [{ code: "empty-file", message: "the file holds no YAML content", line: null }] };
  }
  if (!isPlainMap(root)) {
    return { model: null, problems: [{ code: "not-a-workflow", message: "the top level is not a mapping", line: 1 }] };
  }
  const problems: ModelProblem[] = [];
  const jobsValue = root["jobs"];
  if (!isPlainMap(jobsValue)) {
    problems.push({ code: "not-a-workflow", message: "no `jobs:` mapping", line: yaml.keyLine(root, "jobs") ?? 1 });
  }
  const jobs: WorkflowJob[] = [];
  for (const [id, jobValue] of Object.entries(isPlainMap(jobsValue) ? jobsValue : {})) {
    const jobLine = yaml.keyLine(jobsValue as YamlMap, id) ?? 1;
    if (!isPlainMap(jobValue)) {
      problems.push({ code: "not-a-workflow", message: `job "${id}" is not a mapping`, line: jobLine });
      continue;
    }
    const stepsValue = jobValue["steps"];
    if (stepsValue !== undefined && !Array.isArray(stepsValue)) {
      problems.push({ code: "not-a-workflow", message: `job "${id}": \`steps:\` is not a list`, line: yaml.keyLine(jobValue, "steps") ?? jobLine });
    }
    const steps: WorkflowStep[] = [];
    (Array.isArray(stepsValue) ? stepsValue : []).forEach((stepValue, index) => {
      if (!isPlainMap(stepValue)) {
        problems.push({
          code: "not-a-workflow",
          message: `job "${id}": step ${index} is not a mapping`,
          line: yaml.lineOf(stepsValue as object) ?? jobLine,
        });
        return;
      }
      steps.push(readStep(yaml, stepValue, index, jobLine));
    });
    jobs.push({ id, line: jobLine, env: readEnv(yaml, jobValue, "job"), steps });
  }
  return { model: { name: scalarText(root["name"]), env: readEnv(yaml, root, "workflow"), jobs }, problems };
}

function readStep(yaml: LoadedYaml, step: YamlMap, index: number, fallbackLine: number): WorkflowStep {
  const withValue = step["with"];
  const inputs = isPlainMap(withValue) ? withValue : {};
  const withMap: Record<string, string> = {};
  const withLines: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(inputs)) {
    const text = scalarText(value);
    if (text === null) continue;
    withMap[key] = text;
    withLines[key] = yaml.keyLine(inputs, key);
  }
  return {
    index,
    line: yaml.lineOf(step) ?? fallbackLine,
    name: scalarText(step["name"]),
    id: scalarText(step["id"]),
    uses: scalarText(step["uses"]),
    run: scalarText(step["run"]),
    with: withMap,
    withLines,
    env: readEnv(yaml, step, "step"),
  };
}

function readEnv(yaml: LoadedYaml, owner: YamlMap, scope: EnvLayer["scope"]): EnvLayer {
  const layer: EnvLayer = { scope, values: {}, lines: {} };
  const env = owner["env"];
  if (!isPlainMap(env)) return layer;
  for (const [key, value] of Object.entries(env)) {
    const text = scalarText(value);
    if (text === null) continue;
    layer.values[key] = text;
    layer.lines[key] = yaml.keyLine(env, key);
  }
  return layer;
}

// Scalars only: numbers and booleans become their text, collections and null are absent.
function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

import { Argument, type Command } from "commander";
import { configJsonSchema, datasetJsonSchema } from "@quantecon/attribution";
import type { CliIO } from "../io.js";

const SCHEMAS = ["dataset", "config", "report", "trend"] as const;
type SchemaName = (typeof SCHEMAS)[number];

/** The JSON Schema of a dataset (`qe-activity/v1`), a config file, or a JSON report (`qe-report/v1`). */
export async function jsonSchemaFor(name: SchemaName): Promise<Record<string, unknown>> {
  // The same functions write the files shipped in @quantecon/attribution/schema/.
  if (name === "dataset") return datasetJsonSchema();
  if (name === "config") return configJsonSchema();
  if (name === "trend") {
    const { trendJsonSchema } = await import("../report/trend.js");
    return trendJsonSchema();
  }
  const { reportJsonSchema } = await import("../report/index.js");
  return reportJsonSchema();
}

/** `qe-report schema [dataset|config|report]`: prints a JSON Schema. */
export function registerSchema(program: Command, io: CliIO): void {
  program
    .command("schema")
    .description("print the JSON Schema of a dataset file, a config file, or the JSON report")
    .addArgument(new Argument("[which]", "which schema").choices(SCHEMAS).default("config"))
    .addHelpText("after", "\nExamples:\n  qe-report schema config > qe-report.schema.json\n  qe-report schema dataset\n")
    .action(async (which: SchemaName) => {
      io.stdout.write(JSON.stringify(await jsonSchemaFor(which), null, 2) + "\n");
    });
}

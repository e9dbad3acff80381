import { z } from "zod";
import { ConfigSchema } from "./config.js";
import { DatasetSchema } from "./dataset.js";

/** JSON Schema of `qe-activity/v1`, generated from the zod schema that is its source of truth. */
export function datasetJsonSchema(): Record<string, unknown> {
  return { $id: "https://github.com/QuantEcon/qe-report/schema/qe-activity-v1.json", title: "qe-activity/v1", ...z.toJSONSchema(DatasetSchema, { io: "input", unrepresentable: "any" }) };
}

/** JSON Schema of `qe-report.config.yaml` for editors: what may be written, defaults optional. */
export function configJsonSchema(): Record<string, unknown> {
  return { $id: "https://github.com/QuantEcon/qe-report/schema/qe-report-config.json", title: "qe-report configuration", ...z.toJSONSchema(ConfigSchema, { io: "input", unrepresentable: "any" }) };
}

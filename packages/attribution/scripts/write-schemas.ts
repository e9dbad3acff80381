// Build step: writes the generated JSON Schemas into the package for editors and tools.
import { mkdirSync, writeFileSync } from "node:fs";
import { configJsonSchema, datasetJsonSchema } from "../src/index.js";

const dir = new URL("../schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL("qe-activity-v1.json", dir), `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
writeFileSync(new URL("qe-report-config.json", dir), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

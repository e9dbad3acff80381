#!/usr/bin/env node
import { runCli } from "./cli.js";
import { processIO } from "./io.js";

// `qe-report monthly | head`: a closed pipe is the reader's choice, not an error worth a stack.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), processIO());

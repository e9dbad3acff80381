import { checkEndpoint, displayUrl } from "@quantecon/attribution-github";
import type { CliIO } from "../io.js";

/** The `--insecure` flag's help, the same on every command that talks to GitHub. */
export const INSECURE_HELP = "allow a plain-http GitHub endpoint on another machine (the token crosses the network unencrypted)";

/**
 * Checks the endpoint before anything is sent (exit 2 for a bad URL, credentials in it, or plain
 * http off this machine without `--insecure`), warns when plain http was allowed, and returns
 * the endpoint as it may be printed: without credentials or query.
 */
export function checkedEndpoint(apiUrl: string, insecure: boolean | undefined, io: CliIO, prefix: string): string {
  const { warning } = checkEndpoint(apiUrl, insecure === true);
  if (warning) io.stderr.write(`${prefix}: warning: ${warning} (--insecure)\n`);
  return displayUrl(apiUrl);
}

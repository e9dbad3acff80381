import { appInstallationToken } from "@quantecon/attribution-github";
import { ActionError } from "./errors.js";
import type { ActionInputs } from "./inputs.js";

/** The tokens the Action uses: one reads the organization, one posts the issue (often the same). */
export interface Credentials {
  readToken: string;
  /** Who reads, for the log: never the token itself. */
  readAs: string;
  postToken: string | undefined;
  postAs: string;
}

/**
 * Resolves the reading and posting credentials: a GitHub App's installation token when
 * `app-id` and `private-key` are given (the installation on the organization, and on the
 * `post-to` repository when that lies elsewhere), else `github-token`; `post-token` overrides
 * what posts. Every secret is masked before anything else runs.
 */
export async function resolveCredentials(inputs: ActionInputs, restUrl: string, mask: (secret: string) => void): Promise<Credentials> {
  for (const secret of [inputs.githubToken, inputs.postToken, inputs.privateKey]) {
    if (secret === undefined) continue;
    mask(secret);
    // A multi-line key is masked line by line too, so no line of it can reach the log.
    for (const line of secret.split(/\r?\n|\\n/)) if (line.trim().length >= 8 && !line.includes("-----")) mask(line.trim());
  }
  let readToken = inputs.githubToken;
  let readAs = "github-token";
  let appPostToken: string | undefined;
  if (inputs.appId !== undefined && inputs.privateKey !== undefined) {
    const credentials = { appId: inputs.appId, privateKey: inputs.privateKey, ...(inputs.installationId !== undefined ? { installationId: inputs.installationId } : {}) };
    const read = await appInstallationToken(credentials, { owner: inputs.organization, restUrl });
    mask(read.token);
    readToken = read.token;
    readAs = `GitHub App ${inputs.appId} (installation ${read.installationId})`;
    if (inputs.postTo !== undefined && inputs.postToken === undefined) {
      const [owner = "", repo = ""] = inputs.postTo.split("/");
      if (owner.toLowerCase() === inputs.organization.toLowerCase()) appPostToken = read.token;
      else {
        // Another account's repository is another installation (installation-id names the organization's).
        const post = await appInstallationToken({ appId: inputs.appId, privateKey: inputs.privateKey }, { owner, repo, restUrl });
        mask(post.token);
        appPostToken = post.token;
      }
    }
  }
  if (!readToken) throw new ActionError("no credential to read the organization: set github-token, or app-id and private-key for a GitHub App");
  const postToken = inputs.postToken ?? appPostToken ?? readToken;
  const postAs = inputs.postToken !== undefined ? "post-token" : appPostToken !== undefined ? `GitHub App ${inputs.appId}` : readAs;
  return { readToken, readAs, postToken, postAs };
}

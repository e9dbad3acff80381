/**
 * One redaction step for everything that leaves the process from the network side: error
 * messages, types, codes and paths, warnings written into datasets, URLs printed or stored.
 */
export class Redactor {
  private readonly secrets: string[];

  /** `secrets`: the token and any credential in the endpoint URL; short ones are ignored (they would blank common text). */
  constructor(secrets: readonly (string | undefined)[]) {
    const all = new Set<string>();
    for (const secret of secrets) {
      if (!secret || secret.length < 4) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
      all.add(JSON.stringify(secret).slice(1, -1));
    }
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret replaced by `[REDACTED]`. */
  text(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join("[REDACTED]");
    return out;
  }

  /** Redacted, on one line, at most `max` characters: for text a server chose (an error's type or message). */
  line(text: unknown, max = 500): string {
    // oxlint-disable-next-line no-control-regex -- control characters are exactly what must go
    const flat = this.text(String(text)).replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
  }
}

/** The credentials a URL carries in its user-info part, for redaction. */
export function urlCredentials(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [parsed.username, parsed.password, decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)].filter((s) => s.length > 0);
  } catch {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(url);
    return m?.[1] ? [m[1], ...m[1].split(":")] : [];
  }
}

/** A URL as it may be shown or stored: no user-info, no query string (either can hold a token). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//").replace(/[?#].*$/, "");
  }
}

/**
 * Patterns in config and rules are strings: `text` is a case-sensitive regular expression,
 * `/text/flags` carries its own flags (`/^bump /i`). One parser serves validation and matching.
 */
export function compilePattern(source: string): RegExp {
  const literal = /^\/(.*)\/([dgimsuvy]*)$/s.exec(source);
  if (literal) return new RegExp(literal[1] ?? "", (literal[2] ?? "").replace(/[gy]/g, ""));
  return new RegExp(source);
}

/** Why a pattern does not compile, or undefined when it does. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
}

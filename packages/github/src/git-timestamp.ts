/**
 * git's own UTC offset of a GraphQL `GitTimestamp` ("2026-05-03T10:00:00+02:00"), which, unlike
 * `DateTime`, GitHub does not convert to UTC. `Z` is `+00:00`; anything else is unknown.
 */
export function gitOffset(timestamp: string | null | undefined): string | undefined {
  if (!timestamp) return undefined;
  if (/T[\d:.]+Z$/.test(timestamp)) return "+00:00";
  const m = /T[\d:.]+([+-]\d{2}):?(\d{2})$/.exec(timestamp);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

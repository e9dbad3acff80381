/**
 * A GraphQL `GitTimestamp` as GitHub serves it: the instant in git's own offset
 * (`2026-05-03T10:00:00+02:00`), not converted to UTC. A world commit that records no offset
 * answers null (the field is nullable), so a fetch of it records none either.
 */
export function gitTimestamp(instant: string, offset: string | undefined): string | null {
  const m = offset ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  if (!m) return null;
  const minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "");
  return `${local}${offset}`;
}

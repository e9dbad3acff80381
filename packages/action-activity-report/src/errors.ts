/** A problem with the Action's inputs or environment: one line for the job log, no stack. */
export class ActionError extends Error {
  override name = "ActionError";
  readonly code = "E_ACTION";
}

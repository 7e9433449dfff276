/** Why the domain refused something. Each transport maps these codes once (the API: to HTTP statuses). */
export enum DomainErrorCode {
  /** The payload or input is malformed; `fields` names the problems. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The action does not apply to the case as it stands (stage, pending proposal, stale version). */
  CONFLICT = 'CONFLICT',
  /** The actor's role, assignment, four-eyes or recusal forbids it. */
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** A stable machine-readable reason, e.g. `FOUR_EYES`, `WRONG_STAGE`. */
    readonly reason: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (fields: FieldProblem[]): DomainError =>
  new DomainError(
    DomainErrorCode.INVALID_INPUT,
    fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    'INVALID_INPUT',
    fields,
  );
export const conflict = (reason: string, message: string): DomainError =>
  new DomainError(DomainErrorCode.CONFLICT, message, reason);
export const forbidden = (reason: string, message: string): DomainError =>
  new DomainError(DomainErrorCode.FORBIDDEN, message, reason);

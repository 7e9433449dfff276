import type { FieldProblem } from '@dandang/domain';

/** The body of every error answer: a status, a stable reason, a readable message, and the fields at fault. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  reason: string;
  message: string;
  fields?: FieldProblem[];
}

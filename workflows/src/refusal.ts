import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@dandang/domain';

/** A refusal the caller sees: the domain's reason code as the failure type, its details for the API. */
export function refusal(e: unknown): never {
  if (e instanceof DomainError) {
    throw ApplicationFailure.create({
      type: e.reason,
      message: e.message,
      nonRetryable: true,
      details: [{ code: e.code, reason: e.reason, fields: e.fields }],
    });
  }
  throw e;
}

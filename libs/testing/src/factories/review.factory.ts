import type { ReviewState } from '@dandang/contracts';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from '@dandang/domain';
import { CASE_REGISTERED_AT, aUuid } from './case-state.factory';

/** A fault-tolerance review as applied for by the official concerned (status APPLIED, version 1); override the rest. */
export function aReviewState(overrides: Partial<ReviewState> = {}): ReviewState {
  const official = overrides.subjectUserId ?? aUuid();
  return {
    reviewId: 'case-x-review-1',
    caseId: aUuid(),
    caseNumber: 'DD-2026-000001',
    seq: 1,
    version: 1,
    status: 'APPLIED',
    applicant: { kind: 'SUBJECT', userId: official, name: '张三' },
    reasons: '先行先试',
    appliedAt: CASE_REGISTERED_AT.toISOString(),
    subjectUserId: official,
    handlerIds: [aUuid()],
    policy: DEFAULT_FAULT_TOLERANCE_POLICY,
    votes: [],
    ...overrides,
  };
}

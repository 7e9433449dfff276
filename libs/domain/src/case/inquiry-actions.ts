import type { CaseState, InquiryRound, ProposalContent } from '@dandang/contracts';
import type { Evolutions, PayloadChecks, Preconditions, Refusal } from './action-handlers';
import { conflict, invalidInput } from '../errors';
import { propose } from './proposal';
import { notInFuture } from './action-times';
import { startStageClock } from '../deadlines/stage-clock';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';

/** The steps of a 谈话函询 round (docs/domain.md stage 2a); the conclusion is proposed, then approved. */
export type InquiryActionName = 'recordInquiryTalk' | 'sendInquiryLetter' | 'recordInquiryLetterReceipt' | 'recordInquiryReply' | 'proposeInquiryConclusion';

/** The round being worked: the last one, while its conclusion is not approved. */
export function openInquiryRound(state: CaseState): InquiryRound | undefined {
  const last = state.inquiryRounds?.at(-1);
  return last && !last.conclusion ? last : undefined;
}

/** The open round, or a new one when the last was concluded (another inquiry) or none was held yet. */
function roundToWork(s: CaseState): InquiryRound {
  const open = openInquiryRound(s);
  if (open) return open;
  const round: InquiryRound = { seq: (s.inquiryRounds?.length ?? 0) + 1 };
  s.inquiryRounds = [...(s.inquiryRounds ?? []), round];
  return round;
}

const notStarted = (state: CaseState): Refusal | undefined =>
  openInquiryRound(state)?.mode
    ? () => conflict('INQUIRY_UNDER_WAY', '本轮谈话函询已开始 (this inquiry round is under way; conclude it first)')
    : undefined;

export const INQUIRY_PRECONDITIONS: Preconditions<InquiryActionName> = {
  recordInquiryTalk: notStarted,
  sendInquiryLetter: notStarted,
  recordInquiryLetterReceipt: (state) => {
    const letter = openInquiryRound(state)?.letter;
    if (!letter) return () => conflict('NO_LETTER', '尚未发出函询函 (no inquiry letter was sent in this round)');
    return letter.receivedAt ? () => conflict('LETTER_RECEIVED', '函询函送达已登记 (the letter was recorded as received already)') : undefined;
  },
  recordInquiryReply: (state) => {
    const letter = openInquiryRound(state)?.letter;
    if (!letter?.receivedAt) return () => conflict('LETTER_NOT_RECEIVED', '函询函尚未送达本人 (the letter is not recorded as received)');
    return letter.reply ? () => conflict('REPLY_RECORDED', '书面回复已登记 (the reply was recorded already)') : undefined;
  },
  // A conclusion follows the talk, or a letter the official received (a reply that never came is itself a finding).
  proposeInquiryConclusion: (state) => {
    const round = openInquiryRound(state);
    return round?.talk || round?.letter?.receivedAt
      ? undefined
      : () => conflict('INQUIRY_NOT_HELD', '尚未谈话或函询函尚未送达 (hold the talk, or have the letter received, before concluding)');
  },
};

export const INQUIRY_PAYLOAD_CHECKS: PayloadChecks<InquiryActionName> = {
  recordInquiryTalk: (_s, p, { now }) => notInFuture(p.heldAt, 'heldAt', now),
  sendInquiryLetter: (_s, p, { now }) => notInFuture(p.sentAt, 'sentAt', now),
  recordInquiryLetterReceipt: (state, p, { now }) => {
    notInFuture(p.receivedAt, 'receivedAt', now);
    if (Date.parse(p.receivedAt) < Date.parse(openInquiryRound(state)!.letter!.sentAt)) {
      throw invalidInput([{ field: 'receivedAt', message: 'must not be before the letter was sent' }]);
    }
  },
  recordInquiryReply: (state, p, { now }) => {
    notInFuture(p.receivedAt, 'receivedAt', now);
    if (Date.parse(p.receivedAt) < Date.parse(openInquiryRound(state)!.letter!.receivedAt!)) {
      throw invalidInput([{ field: 'receivedAt', message: 'must not be before the official received the letter' }]);
    }
  },
  proposeInquiryConclusion: (_s, p) => {
    if (p.outcome === 'LIGHT_HANDLING' && !p.measure) throw invalidInput([{ field: 'measure', message: 'is required for LIGHT_HANDLING' }]);
    if (p.outcome !== 'LIGHT_HANDLING' && p.measure) throw invalidInput([{ field: 'measure', message: 'is only used with LIGHT_HANDLING' }]);
  },
};

/** The case's clock moves to the step's, when the policy times it; otherwise the stage's clock keeps running. */
function timeStep(s: CaseState, step: 'INQUIRY_REPLY' | 'INQUIRY_CONCLUSION', from: string, clock: ClockContext | undefined): void {
  s.deadline = startStepClock(s, step, 'INQUIRY', new Date(from), clock) ?? s.deadline;
}

export const INQUIRY_EVOLUTIONS: Evolutions<InquiryActionName> = {
  recordInquiryTalk: (s, p, { actor, clock }) => {
    const round = roundToWork(s);
    round.mode = 'TALK';
    round.talk = { heldAt: new Date(p.heldAt).toISOString(), note: p.note, by: actor.userId };
    timeStep(s, 'INQUIRY_CONCLUSION', round.talk.heldAt, clock);
    return p.note;
  },
  sendInquiryLetter: (s, p) => {
    const round = roundToWork(s);
    round.mode = 'LETTER';
    round.letter = { sentAt: new Date(p.sentAt).toISOString() };
    return undefined;
  },
  recordInquiryLetterReceipt: (s, p, { clock }) => {
    const letter = openInquiryRound(s)!.letter!;
    letter.receivedAt = new Date(p.receivedAt).toISOString();
    // The written reply is due within 15 working days of the receipt (监督执纪工作规则).
    timeStep(s, 'INQUIRY_REPLY', letter.receivedAt, clock);
    return undefined;
  },
  recordInquiryReply: (s, p, { clock }) => {
    const letter = openInquiryRound(s)!.letter!;
    letter.reply = { receivedAt: new Date(p.receivedAt).toISOString(), summary: p.summary };
    timeStep(s, 'INQUIRY_CONCLUSION', letter.reply.receivedAt, clock);
    return p.summary;
  },
  proposeInquiryConclusion: (s, p, ctx) => {
    propose(s, ctx, { kind: 'INQUIRY_CONCLUSION', round: openInquiryRound(s)!.seq, outcome: p.outcome, ...(p.measure ? { measure: p.measure } : {}), reason: p.reason });
    return p.reason;
  },
};

/**
 * The approved conclusion: the round is concluded; explanation accepted or light handling close the clue, VERIFY
 * sends it to verification, and REPEAT_INQUIRY keeps it in inquiry for another round, on a fresh stage clock.
 */
export function concludeInquiryRound(
  s: CaseState,
  pending: Extract<ProposalContent, { kind: 'INQUIRY_CONCLUSION' }> & { proposedBy: string },
  approvedBy: string,
  at: string,
  clock: ClockContext | undefined,
): 'CLOSED' | 'VERIFICATION' | 'INQUIRY' {
  const round = openInquiryRound(s)!;
  const { outcome, measure, reason } = pending;
  round.conclusion = { outcome, ...(measure ? { measure } : {}), reason, proposedBy: pending.proposedBy, approvedBy, at };
  s.inquiry = { outcome, ...(measure ? { measure } : {}), reason };
  if (outcome === 'VERIFY') return 'VERIFICATION';
  if (outcome === 'REPEAT_INQUIRY') {
    s.deadline = clock ? startStageClock(s, 'INQUIRY', new Date(at), clock) : undefined;
    return 'INQUIRY';
  }
  return 'CLOSED';
}

import type { ActionName, ActionPayloads, Actor } from '@dandang/contracts';
import { aCaseAt, aRequest, andThenAdmitted, minutesAfter, refusalOf, type DrivenCase } from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { availableActions } from './available-actions';
import { DomainErrorCode } from '../errors';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';

/** 谈话函询 in rounds: a talk, or a letter with its receipt and reply, each timed; the conclusion proposed and approved. */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const officer = (c: DrivenCase) => c.cast.caseOfficer;
const iso = (c: DrivenCase, minutes = 0) => minutesAfter(c.at, minutes).toISOString();
const conclude = (c: DrivenCase, outcome: ActionPayloads['proposeInquiryConclusion']['outcome']) =>
  act(act(c, 'proposeInquiryConclusion', officer(c), { outcome, reason: '了结意见' }), 'approve', c.cast.supervisor, { comment: '同意' });

describe('a letter inquiry (函询)', () => {
  const sent = () => {
    const c = aCaseAt('INQUIRY');
    return act(c, 'sendInquiryLetter', officer(c), { sentAt: iso(c) });
  };

  it('times the written reply from the day the official received the letter (15 WD), then the conclusion from the reply (1 month)', () => {
    const c = sent();
    const receipt = iso(c, 30);
    expect(receipt.slice(0, 10)).toBe('2026-03-02');
    const received = act(c, 'recordInquiryLetterReceipt', officer(c), { receivedAt: receipt });
    expect(received.state.inquiryRounds).toEqual([{ seq: 1, mode: 'LETTER', letter: { sentAt: expect.any(String), receivedAt: receipt } }]);
    // 15 working days counted from the day after Monday 2026-03-02's receipt: Monday 03-23, end of day in Beijing.
    expect(received.state.deadline).toMatchObject({ stage: 'INQUIRY', step: 'INQUIRY_REPLY', startedAt: receipt, dueAt: '2026-03-23T15:59:59.999Z' });
    const replied = act(received, 'recordInquiryReply', officer(received), { receivedAt: iso(received), summary: '书面说明' });
    expect(replied.state.deadline).toMatchObject({ step: 'INQUIRY_CONCLUSION', limit: { amount: 1, unit: 'MONTH' } });
  });

  it('refuses a receipt before the letter was sent, and a reply before the receipt, naming receivedAt', () => {
    const c = sent();
    expect(refusalOf(() => checkAction(c.state, 'recordInquiryLetterReceipt', aRequest(officer(c), { receivedAt: '2026-01-01T00:00:00.000Z' }), minutesAfter(c.at, 60)))).toMatchObject({
      code: DomainErrorCode.INVALID_INPUT,
      fields: [{ field: 'receivedAt', message: 'must not be before the letter was sent' }],
    });
    expect(refusalOf(() => checkAction(c.state, 'recordInquiryReply', aRequest(officer(c), { receivedAt: iso(c), summary: '回复' }), minutesAfter(c.at, 60))).reason).toBe('LETTER_NOT_RECEIVED');
  });

  it('cannot be concluded before the letter reached the official', () => {
    const c = sent();
    expect(refusalOf(() => checkAction(c.state, 'proposeInquiryConclusion', aRequest(officer(c), { outcome: 'ACCEPT_EXPLANATION_AND_CLOSE', reason: '了结' }), minutesAfter(c.at, 60))).reason).toBe('INQUIRY_NOT_HELD');
    expect(availableActions(c.state, officer(c), minutesAfter(c.at, 60))).toEqual(['declareConflict', 'recordInquiryLetterReceipt', 'linkSubjectAccount']);
  });
});

describe('a talk (谈话) and its conclusion', () => {
  const talked = () => {
    const c = aCaseAt('INQUIRY');
    return act(c, 'recordInquiryTalk', officer(c), { heldAt: iso(c), note: '委领导谈话，本人说明情况' });
  };

  it('times the conclusion from the talk and records who held it', () => {
    const c = talked();
    expect(c.state.inquiryRounds![0]).toMatchObject({ seq: 1, mode: 'TALK', talk: { by: officer(c).userId } });
    expect(c.state.deadline).toMatchObject({ step: 'INQUIRY_CONCLUSION', startedAt: c.state.inquiryRounds![0].talk!.heldAt });
  });

  it('is proposed and approved by another: explanation accepted closes the clue', () => {
    const c = conclude(talked(), 'ACCEPT_EXPLANATION_AND_CLOSE');
    expect(c.state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'INQUIRY_CLOSED' }, inquiry: { outcome: 'ACCEPT_EXPLANATION_AND_CLOSE' } });
    expect(c.state.inquiryRounds![0].conclusion).toMatchObject({ approvedBy: c.cast.supervisor.userId, proposedBy: officer(c).userId });
  });

  it('VERIFY sends the clue to preliminary verification', () => {
    expect(conclude(talked(), 'VERIFY').state.stage).toBe('VERIFICATION');
  });

  it('REPEAT_INQUIRY keeps it in inquiry for another round, by letter this time, on a fresh stage clock', () => {
    const again = conclude(talked(), 'REPEAT_INQUIRY');
    expect(again.state.stage).toBe('INQUIRY');
    expect(again.state.deadline).toMatchObject({ stage: 'INQUIRY', startedAt: again.at.toISOString() });
    expect(again.state.deadline!.step).toBeUndefined();
    const second = act(again, 'sendInquiryLetter', officer(again), { sentAt: iso(again) });
    expect(second.state.inquiryRounds!.map((r) => [r.seq, r.mode, Boolean(r.conclusion)])).toEqual([
      [1, 'TALK', true],
      [2, 'LETTER', false],
    ]);
  });

  it('a second talk in the same round is refused: conclude the round first', () => {
    const c = talked();
    expect(refusalOf(() => checkAction(c.state, 'sendInquiryLetter', aRequest(officer(c), { sentAt: iso(c) }), minutesAfter(c.at, 60))).reason).toBe('INQUIRY_UNDER_WAY');
  });
});

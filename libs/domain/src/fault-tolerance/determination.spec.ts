import type { DeterminationVote } from '@dandang/contracts';
import { aCaseOfficer, aSupervisor, aUuid, anActor, refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import type { DeterminationBallot, DeterminationReview } from './determination';
import { checkDetermination } from './determination';

const assessorId = aUuid();
const handlerId = aUuid();

function aReview(overrides: Partial<DeterminationReview> = {}): DeterminationReview {
  return {
    assessorId,
    handlerIds: [handlerId, aUuid()],
    recommendation: { outcome: 'MITIGATION', mitigation: 'LIGHTER' },
    votes: [],
    ...overrides,
  };
}

/** A vote agreeing with the default recommendation, by a fresh supervisor. */
function aBallot(overrides: Partial<DeterminationBallot> = {}): DeterminationBallot {
  return { voter: aSupervisor(), outcome: 'MITIGATION', mitigation: 'LIGHTER', ...overrides };
}

const anEarlierVote = (overrides: Partial<DeterminationVote> = {}): DeterminationVote => ({
  voterId: aUuid(),
  outcome: 'MITIGATION',
  mitigation: 'LIGHTER',
  ...overrides,
});

describe('checkDetermination', () => {
  describe('separation', () => {
    it.each([
      ['a case officer', aCaseOfficer(), 'ROLE'],
      // The assessor is also among the handlers here: the more specific reason is given.
      ['the assessor, though a supervisor', aSupervisor({ userId: assessorId }), 'ASSESSOR_CANNOT_DETERMINE'],
      ['a supervisor who handled the investigation', aSupervisor({ userId: handlerId }), 'HANDLER_CANNOT_DETERMINE'],
    ])('forbids %s to vote', (_who, voter, reason) => {
      const review = aReview({ handlerIds: [handlerId, assessorId] });
      const error = refusalOf(() => checkDetermination(review, aBallot({ voter })));
      expect(error).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason });
    });

    it('forbids a supervisor to vote twice, even for another outcome', () => {
      const voter = aSupervisor();
      const review = aReview({ votes: [anEarlierVote({ voterId: voter.userId })] });
      const error = refusalOf(() => checkDetermination(review, aBallot({ voter, outcome: 'REJECTION', mitigation: undefined, reason: '情节较重' })));
      expect(error).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'ALREADY_VOTED' });
    });
  });

  it('lets a supervisor who also holds other roles vote', () => {
    const voter = anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });
    expect(checkDetermination(aReview(), aBallot({ voter })).votes).toEqual([{ voterId: voter.userId, outcome: 'MITIGATION', mitigation: 'LIGHTER' }]);
  });

  describe('quorum', () => {
    it('leaves a single agreeing vote undecided under the default quorum of two', () => {
      expect(checkDetermination(aReview(), aBallot())).toMatchObject({
        decided: false,
        counts: [{ outcome: 'MITIGATION', mitigation: 'LIGHTER', votes: 1 }],
      });
    });

    it('decides when a second supervisor agrees', () => {
      const tally = checkDetermination(aReview({ votes: [anEarlierVote()] }), aBallot());
      expect(tally).toMatchObject({ decided: true, decision: { outcome: 'MITIGATION', mitigation: 'LIGHTER' } });
      expect(tally.votes).toHaveLength(2);
    });

    it.each([
      ['another outcome', { outcome: 'EXEMPTION' as const, mitigation: undefined }],
      ['another kind of mitigation', { mitigation: 'REDUCED' as const }],
    ])('does not count a vote for %s as agreeing', (_case, other) => {
      const tally = checkDetermination(aReview({ votes: [anEarlierVote()] }), aBallot({ ...other, reason: '补救及时' }));
      expect(tally.decided).toBe(false);
      expect(tally.counts.map((c) => c.votes)).toEqual([1, 1]);
    });

    it('decides against the recommendation when the quorum agrees on another outcome', () => {
      const review = aReview({ votes: [anEarlierVote({ outcome: 'REJECTION', mitigation: undefined, reason: '造成重大损失' })] });
      const tally = checkDetermination(review, aBallot({ outcome: 'REJECTION', mitigation: undefined, reason: '同意' }));
      expect(tally).toMatchObject({ decided: true, decision: { outcome: 'REJECTION' }, departsFromRecommendation: true });
      expect(tally.decision).not.toHaveProperty('mitigation');
    });

    it.each([
      [1, 0, true],
      [3, 1, false],
      [3, 2, true],
    ])('with a quorum of %d and %d earlier agreeing votes, decides: %s', (determinationQuorum, earlier, decided) => {
      const review = aReview({ votes: Array.from({ length: earlier }, () => anEarlierVote()) });
      expect(checkDetermination(review, aBallot(), { determinationQuorum }).decided).toBe(decided);
    });

    it('refuses a vote once the review is decided', () => {
      const review = aReview({ votes: [anEarlierVote(), anEarlierVote()] });
      expect(refusalOf(() => checkDetermination(review, aBallot()))).toMatchObject({
        code: DomainErrorCode.CONFLICT,
        reason: 'ALREADY_DETERMINED',
      });
    });
  });

  describe('departing from the recommendation', () => {
    it.each([
      ['another outcome', { outcome: 'EXEMPTION' as const, mitigation: undefined }],
      ['another kind of mitigation', { mitigation: 'REDUCED' as const }],
    ])('needs a written reason for %s', (_case, other) => {
      for (const reason of [undefined, '', '   ']) {
        const error = refusalOf(() => checkDetermination(aReview(), aBallot({ ...other, reason })));
        expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'reason' }] });
      }
    });

    it('records the reason, trimmed, and marks the departure', () => {
      const tally = checkDetermination(aReview(), aBallot({ outcome: 'EXEMPTION', mitigation: undefined, reason: '  属不可抗力 ' }));
      expect(tally.departsFromRecommendation).toBe(true);
      expect(tally.votes.at(-1)).toEqual({ voterId: expect.any(String), outcome: 'EXEMPTION', reason: '属不可抗力' });
    });

    it('needs no reason to agree', () => {
      const tally = checkDetermination(aReview(), aBallot());
      expect(tally.departsFromRecommendation).toBe(false);
      expect(tally.votes.at(-1)).not.toHaveProperty('reason');
    });
  });

  it.each([
    ['MITIGATION without its kind', { outcome: 'MITIGATION' as const, mitigation: undefined }, 'mitigation'],
    ['EXEMPTION with a kind of mitigation', { outcome: 'EXEMPTION' as const, mitigation: 'LIGHTER' as const }, 'mitigation'],
    ['an unknown outcome', { outcome: 'PARDON' as never }, 'outcome'],
  ])('refuses a vote for %s', (_case, ballot, field) => {
    const error = refusalOf(() => checkDetermination(aReview(), aBallot({ ...ballot, reason: '理由' })));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field }] });
  });
});

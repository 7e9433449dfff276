import { DEFAULT_REPORTER_IDENTITY_RETENTION_YEARS, reporterIdentityClosedBefore, reporterIdentityErasableAt } from './reporter-retention';
import { policyProblems } from './policy-validation';
import { DEFAULT_POLICY } from './default-policy';

const at = (iso: string) => new Date(iso);

describe('reporterIdentityErasableAt', () => {
  it('keeps the identity for the whole retention period: erasable from the day after the corresponding day (CST)', () => {
    // Closed at 10:00 China time on 2026-03-15: kept through 2036-03-15, erasable from 2036-03-16 00:00 CST.
    expect(reporterIdentityErasableAt(at('2026-03-15T02:00:00Z'), { reporterIdentityRetentionYears: 10 })).toEqual(at('2036-03-15T16:00:00Z'));
  });

  it('counts the closing day in China Standard Time, not UTC', () => {
    // 23:30 UTC on 03-14 is 07:30 on 03-15 in China.
    expect(reporterIdentityErasableAt(at('2026-03-14T23:30:00Z'), { reporterIdentityRetentionYears: 1 })).toEqual(at('2027-03-15T16:00:00Z'));
  });

  it('ends a period begun on 29 February on the last day of February when the year has none', () => {
    expect(reporterIdentityErasableAt(at('2028-02-29T04:00:00Z'), { reporterIdentityRetentionYears: 1 })).toEqual(at('2029-02-28T16:00:00Z'));
  });

  it(`keeps it ${DEFAULT_REPORTER_IDENTITY_RETENTION_YEARS} years when the policy says nothing`, () => {
    expect(reporterIdentityErasableAt(at('2026-06-01T04:00:00Z'), {})).toEqual(at('2036-06-01T16:00:00Z'));
  });
});

describe('reporterIdentityClosedBefore', () => {
  const policy = { reporterIdentityRetentionYears: 10 };

  it('is the instant before which exactly the erasable cases were closed', () => {
    const now = at('2036-03-16T01:00:00Z'); // 09:00 CST on 2036-03-16
    expect(reporterIdentityClosedBefore(now, policy)).toEqual(at('2026-03-15T16:00:00Z'));
  });

  it.each(['2036-02-29T01:00:00Z', '2037-03-01T01:00:00Z', '2036-03-01T15:59:59Z', '2036-12-31T16:00:00Z'])(
    'agrees with reporterIdentityErasableAt on every closing time around the boundary, at %s',
    (nowIso) => {
      const now = at(nowIso);
      const bound = reporterIdentityClosedBefore(now, policy);
      for (let hours = -72; hours <= 72; hours++) {
        const closedAt = new Date(bound.getTime() + hours * 3_600_000 - 1);
        expect(closedAt < bound).toBe(reporterIdentityErasableAt(closedAt, policy) <= now);
      }
    },
  );
});

describe('the retention field of a published policy', () => {
  it('allows a whole number of years', () => {
    expect(policyProblems({ ...DEFAULT_POLICY, reporterIdentityRetentionYears: 30 })).toEqual([]);
  });

  it.each([0, 2.5, '10', 101])('refuses %p', (years) => {
    expect(policyProblems({ ...DEFAULT_POLICY, reporterIdentityRetentionYears: years })).toEqual([
      { field: 'reporterIdentityRetentionYears', message: 'must be a whole number of years from 1 to 100' },
    ]);
  });
});

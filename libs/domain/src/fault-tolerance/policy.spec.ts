import { STAGES } from '@dandang/contracts';
import { DEFAULT_FAULT_TOLERANCE_POLICY as POLICY, isApplicationWindowOpen } from './policy';

describe('DEFAULT_FAULT_TOLERANCE_POLICY', () => {
  it('holds the suggested defaults of docs/domain.md §e', () => {
    expect(POLICY).toMatchObject({
      determinationQuorum: 2,
      correctionDueDays: { LOW: 30, MEDIUM: 60, HIGH: 90 },
      appealWindow: { amount: 1, unit: 'MONTH' },
      followUpVisitMonths: [1, 6, 12],
    });
  });

  it('gives a more severe correction item more time', () => {
    const { LOW, MEDIUM, HIGH } = POLICY.correctionDueDays;
    expect(LOW < MEDIUM && MEDIUM < HIGH).toBe(true);
  });

  it('names each negative-list entry once, in Chinese and English', () => {
    const ids = POLICY.exclusions.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(POLICY.exclusions.every((e) => e.label.zh.length > 0 && e.label.en.length > 0)).toBe(true);
  });
});

describe('isApplicationWindowOpen', () => {
  // From the start of accountability (the case filed) until the decision (docs/domain.md §e row 21), 审理 and the
  // collective decision included.
  it.each(STAGES.map((stage) => [stage, ['INVESTIGATION', 'TRIAL', 'DELIBERATION'].includes(stage)] as const))('in %s is %s', (stage, open) => {
    expect(isApplicationWindowOpen(POLICY, stage)).toBe(open);
  });

  it('follows the stages a policy opens', () => {
    const policy = { applicationWindow: { openStages: ['INVESTIGATION', 'DECIDED'] as const, withinOfNotice: null } };
    expect(isApplicationWindowOpen(policy, 'DECIDED')).toBe(true);
  });
});

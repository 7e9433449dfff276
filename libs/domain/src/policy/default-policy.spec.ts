import { STAGES } from '@dandang/contracts';
import { DEFAULT_POLICY } from './default-policy';
import { STAGE_TRANSITIONS } from '../case/stage-transitions';

describe('DEFAULT_POLICY', () => {
  it('limits the time of every stage that leads somewhere, and only those', () => {
    // A served case waits for its appeal window, which the fault-tolerance policy times, not a stage limit.
    const working = STAGES.filter((s) => STAGE_TRANSITIONS[s].length > 0 && s !== 'SERVED');
    expect(Object.keys(DEFAULT_POLICY.stageLimits).sort()).toEqual([...working].sort());
  });

  it('counts intake and service in working days, as the rules do', () => {
    expect(DEFAULT_POLICY.stageLimits).toMatchObject({
      INTAKE: { amount: 5, unit: 'WORKING_DAY' },
      INQUIRY: { amount: 15, unit: 'WORKING_DAY' },
      DECIDED: { amount: 5, unit: 'WORKING_DAY' },
    });
  });

  it('extends neither the disposition month nor the 15-working-day reply: no rule allows it', () => {
    expect(DEFAULT_POLICY.maxExtensions).toMatchObject({ INTAKE: 0, DISPOSITION: 0, INQUIRY: 0 });
  });

  it('keeps one extension of about the limit where a stage may be extended on approval', () => {
    expect(DEFAULT_POLICY.maxExtensions).toMatchObject({ VERIFICATION: 1, INVESTIGATION: 3, DECIDED: 5 });
  });

  it.each(Object.entries(DEFAULT_POLICY.stageLimits))('gives %s a positive whole amount', (_stage, limit) => {
    expect(Number.isInteger(limit?.amount) && limit!.amount > 0).toBe(true);
  });
});

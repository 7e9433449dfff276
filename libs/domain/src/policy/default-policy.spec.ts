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

  it.each(Object.entries(DEFAULT_POLICY.stageLimits))('gives %s a positive whole amount', (_stage, limit) => {
    expect(Number.isInteger(limit?.amount) && limit!.amount > 0).toBe(true);
  });
});

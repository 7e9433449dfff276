import { mayReadTemporalPayloads } from './temporal-payloads';

describe('mayReadTemporalPayloads', () => {
  it('lets a supervisor open sealed Temporal payloads', () => {
    expect(mayReadTemporalPayloads({ roles: ['SUPERVISOR'] })).toBe(true);
  });

  it.each([[['ADMIN']], [['AUDITOR']], [['SUBJECT']], [['INTAKE_OFFICER']], [['CASE_OFFICER']], [['SUPERVISOR', 'ADMIN']], [['SUPERVISOR', 'AUDITOR']], [['SUPERVISOR', 'SUBJECT']]] as const)(
    'refuses %j',
    (roles) => {
      expect(mayReadTemporalPayloads({ roles })).toBe(false);
    },
  );
});

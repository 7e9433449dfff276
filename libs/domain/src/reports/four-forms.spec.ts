import { fourFormOf, fourFormOfDecision } from './four-forms';

describe('the four forms (四种形态)', () => {
  it('counts admonishment and circulated criticism as the first form', () => {
    expect(fourFormOf({ form: 'ADMONISHMENT' })).toBe('FIRST');
    expect(fourFormOf({ form: 'CIRCULATED_CRITICISM' })).toBe('FIRST');
  });

  it('tells light party sanctions (second) from heavy ones (third)', () => {
    expect(fourFormOf({ form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING' })).toBe('SECOND');
    expect(fourFormOf({ form: 'DISCIPLINARY_SANCTION', subtype: 'PROBATION_2Y' })).toBe('THIRD');
    expect(fourFormOf({ form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' })).toBe('SECOND');
  });

  it("counts no organisation's form, which concerns no person", () => {
    expect(fourFormOf({ form: 'REORGANIZATION' })).toBeUndefined();
    expect(fourFormOfDecision([{ form: 'INSPECTION' }])).toBeUndefined();
  });

  it('counts a decision once, under the heaviest of its forms', () => {
    expect(fourFormOfDecision([{ form: 'ADMONISHMENT' }, { form: 'DISCIPLINARY_SANCTION', subtype: 'EXPULSION' }, { form: 'INSPECTION' }])).toBe('THIRD');
  });
});

import type { AccountabilityFormChoice } from '@dandang/contracts';
import { ACCOUNTABILITY_FORMS, ORGANIZATIONAL_MEASURES, PARTY_SANCTIONS } from '@dandang/contracts';
import { refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { SEVERITY_SCALE, isLighter, severityOf } from './severity';

/** `FORM` or `FORM/SUBTYPE`, to write choices compactly. */
const choice = (text: string): AccountabilityFormChoice => {
  const [form, subtype] = text.split('/');
  return (subtype ? { form, subtype } : { form }) as AccountabilityFormChoice;
};
const choices = (...texts: string[]): AccountabilityFormChoice[] => texts.map(choice);
const nameOf = (c: AccountabilityFormChoice): string => (c.subtype ? `${c.form}/${c.subtype}` : c.form);

describe('SEVERITY_SCALE', () => {
  it('orders every form and subtype, lightest first, as documented', () => {
    expect(SEVERITY_SCALE.map(nameOf)).toEqual([
      'INSPECTION',
      'CIRCULATED_NOTICE',
      'CIRCULATED_CRITICISM',
      'ADMONISHMENT',
      'ORGANIZATIONAL_MEASURE/SUSPENSION_FOR_INSPECTION',
      'ORGANIZATIONAL_MEASURE/POSITION_ADJUSTMENT',
      'ORGANIZATIONAL_MEASURE/ORDERED_RESIGNATION',
      'ORGANIZATIONAL_MEASURE/REMOVAL',
      'ORGANIZATIONAL_MEASURE/DEMOTION',
      'REORGANIZATION',
      'GOVERNMENT_SANCTION/WARNING',
      'DISCIPLINARY_SANCTION/WARNING',
      'GOVERNMENT_SANCTION/DEMERIT',
      'DISCIPLINARY_SANCTION/SERIOUS_WARNING',
      'GOVERNMENT_SANCTION/MAJOR_DEMERIT',
      'GOVERNMENT_SANCTION/GRADE_DEMOTION',
      'DISCIPLINARY_SANCTION/REMOVAL_FROM_PARTY_POST',
      'GOVERNMENT_SANCTION/DISMISSAL_FROM_POST',
      'DISCIPLINARY_SANCTION/PROBATION_1Y',
      'DISCIPLINARY_SANCTION/PROBATION_2Y',
      'GOVERNMENT_SANCTION/EXPULSION',
      'DISCIPLINARY_SANCTION/EXPULSION',
    ]);
  });

  it('leaves out no form of the contracts', () => {
    const forms = new Set(SEVERITY_SCALE.map((c) => c.form));
    expect([...forms].sort()).toEqual(Object.keys(ACCOUNTABILITY_FORMS).sort());
  });

  it('puts every organisational measure below every party sanction (问责条例 art. 8)', () => {
    const measures = Object.keys(ORGANIZATIONAL_MEASURES).map((m) => severityOf(choice(`ORGANIZATIONAL_MEASURE/${m}`)));
    const sanctions = Object.keys(PARTY_SANCTIONS).map((s) => severityOf(choice(`DISCIPLINARY_SANCTION/${s}`)));
    expect(Math.max(...measures)).toBeLessThan(Math.min(...sanctions));
  });
});

describe('severityOf', () => {
  it('ranks each form by its place on the scale, from 1', () => {
    expect(SEVERITY_SCALE.map(severityOf)).toEqual(SEVERITY_SCALE.map((_c, i) => i + 1));
  });

  it.each([
    ['an organisational measure without its subtype', 'ORGANIZATIONAL_MEASURE', 'subtype'],
    ['a party sanction with an organisational subtype', 'DISCIPLINARY_SANCTION/REMOVAL', 'subtype'],
    ['admonishment with a subtype', 'ADMONISHMENT/WARNING', 'subtype'],
    ['a form that does not exist', 'PUBLIC_APOLOGY', 'form'],
  ])('refuses %s', (_case, text, field) => {
    const error = refusalOf(() => severityOf(choice(text)));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field }] });
  });
});

describe('isLighter', () => {
  const cases: [string, string[], string[], boolean][] = [
    ['a lighter single form', ['ADMONISHMENT'], ['ORGANIZATIONAL_MEASURE/REMOVAL'], true],
    ['a heavier single form', ['DISCIPLINARY_SANCTION/WARNING'], ['ADMONISHMENT'], false],
    ['the same single form', ['ADMONISHMENT'], ['ADMONISHMENT'], false],
    ['a lighter subtype of the same form', ['ORGANIZATIONAL_MEASURE/POSITION_ADJUSTMENT'], ['ORGANIZATIONAL_MEASURE/DEMOTION'], true],
    ['a lighter heaviest form with more light forms added', ['ADMONISHMENT', 'CIRCULATED_CRITICISM', 'INSPECTION'], ['ORGANIZATIONAL_MEASURE/SUSPENSION_FOR_INSPECTION'], true],
    ['the same heaviest form with one form dropped', ['DISCIPLINARY_SANCTION/WARNING'], ['DISCIPLINARY_SANCTION/WARNING', 'ADMONISHMENT'], true],
    ['the same heaviest form with a lighter companion', ['DISCIPLINARY_SANCTION/WARNING', 'CIRCULATED_CRITICISM'], ['DISCIPLINARY_SANCTION/WARNING', 'ADMONISHMENT'], true],
    ['the same heaviest form with a heavier companion', ['DISCIPLINARY_SANCTION/WARNING', 'ADMONISHMENT'], ['DISCIPLINARY_SANCTION/WARNING', 'CIRCULATED_CRITICISM'], false],
    ['the same heaviest form with a form added', ['ADMONISHMENT', 'INSPECTION'], ['ADMONISHMENT'], false],
    ['the same heaviest form, lighter companion but one more form', ['ADMONISHMENT', 'INSPECTION', 'INSPECTION'], ['ADMONISHMENT', 'CIRCULATED_CRITICISM'], false],
    ['the same forms in another order', ['INSPECTION', 'ADMONISHMENT'], ['ADMONISHMENT', 'INSPECTION'], false],
    ['no forms against some', [], ['CIRCULATED_CRITICISM'], true],
    ['no forms against none', [], [], false],
    ['some forms against none', ['INSPECTION'], [], false],
  ];

  it.each(cases.map(([name, approved, proposed, expected]) => [name, expected, approved, proposed] as [string, boolean, string[], string[]]))(
    'for %s is %s',
    (_case, expected, approved, proposed) => {
      expect(isLighter(choices(...approved), choices(...proposed))).toBe(expected);
    },
  );

  it('is never true both ways, over every pair of single forms', () => {
    for (const a of SEVERITY_SCALE) {
      for (const b of SEVERITY_SCALE) {
        expect(isLighter([a], [b]) && isLighter([b], [a])).toBe(false);
      }
    }
  });

  it('refuses forms it cannot rank', () => {
    expect(refusalOf(() => isLighter(choices('ORGANIZATIONAL_MEASURE'), choices('ADMONISHMENT'))).code).toBe(DomainErrorCode.INVALID_INPUT);
  });
});

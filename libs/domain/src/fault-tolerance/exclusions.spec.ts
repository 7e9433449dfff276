import type { ExclusionEntry } from '@dandang/contracts';
import { refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { DEFAULT_EXCLUSIONS, applicableExclusions } from './exclusions';

const list: ExclusionEntry[] = [
  { id: 'A', label: { zh: '甲', en: 'A' }, source: 'test' },
  { id: 'B', label: { zh: '乙', en: 'B' }, source: 'test' },
  { id: 'C', label: { zh: '丙', en: 'C' }, source: 'test' },
];

describe('applicableExclusions', () => {
  it.each([
    [[], []],
    [['B'], ['B']],
    [['C', 'A'], ['A', 'C']],
    [['A', 'A'], ['A']],
  ])('for %j gives the entries %j, in list order, each once', (ids, expected) => {
    expect(applicableExclusions(ids, list).map((e) => e.id)).toEqual(expected);
  });

  it('refuses an id the list does not hold', () => {
    const error = refusalOf(() => applicableExclusions(['A', 'MAJOR_SAFETY_ACCIDENT'], list));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'exclusionIds', message: expect.stringContaining('MAJOR_SAFETY_ACCIDENT') }] });
  });
});

describe('DEFAULT_EXCLUSIONS', () => {
  it('leaves the three distinctions to the explicit tests, so no policy can drop them', () => {
    const ids = DEFAULT_EXCLUSIONS.map((e) => e.id);
    expect(ids).not.toEqual(expect.arrayContaining([expect.stringMatching(/DELIBERATE|PERSONAL_GAIN/)]));
  });

  it('marks the entries docs/domain.md could not confirm', () => {
    expect(DEFAULT_EXCLUSIONS.filter((e) => e.unconfirmed).map((e) => e.id)).toEqual([
      'OBSTRUCTED_INQUIRY',
      'EIGHT_POINT_RULES_BREACH',
      'REPEATED_AFTER_WARNING',
      'REFUSED_TO_RECTIFY',
    ]);
  });
});

import { caseNumber, isCaseNumber } from './case-number';

describe('case numbers', () => {
  it('pad the sequence to six digits and grow beyond', () => {
    expect(caseNumber(2026, 1)).toBe('DD-2026-000001');
    expect(caseNumber(2026, 1_234_567)).toBe('DD-2026-1234567');
  });

  it('are told from ids and other text', () => {
    expect(isCaseNumber(caseNumber(2026, 42))).toBe(true);
    for (const text of ['6909b714-90fd-4a72-a676-2094e674f751', 'DD-2026-00001', 'dd-2026-000001', 'DD-26-000001', ' DD-2026-000001', 'DD-2026-000001\n', '']) {
      expect({ text, isCaseNumber: isCaseNumber(text) }).toEqual({ text, isCaseNumber: false });
    }
  });
});

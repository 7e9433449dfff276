import { forbiddenSecurityDetails, isSecurityRefusal } from './security-events';

describe('isSecurityRefusal', () => {
  it('records refusals under the four-eyes and recusal rules, not ordinary ones', () => {
    expect(['FOUR_EYES', 'RECUSAL'].map(isSecurityRefusal)).toEqual([true, true]);
    expect(['WRONG_STAGE', 'INVALID_INPUT', 'ROLE'].map(isSecurityRefusal)).toEqual([false, false, false]);
  });
});

describe('forbiddenSecurityDetails', () => {
  it('accepts what an auditor may read: actions, versions, counts', () => {
    expect(forbiddenSecurityDetails({ action: 'approveDisposition', version: '2026.1', sessions: 3, roles: ['ADMIN'] })).toEqual([]);
  });

  it('names every secret or reporter field, at any depth', () => {
    expect(
      forbiddenSecurityDetails({
        password: 'x',
        request: { headers: { Authorization: 'Bearer x' }, accessToken: 'y' },
        reporter: [{ reporterName: '张三', contact: '138' }],
      }),
    ).toEqual(['password', 'request.headers.Authorization', 'request.accessToken', 'reporter[0].reporterName', 'reporter[0].contact']);
  });
});

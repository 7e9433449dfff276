import { parseRoleCell, planDirectoryImport, type ImportContext, type RawSheet } from './directory-import';

const existing: ImportContext = { units: new Map([['CITY', { retired: false }], ['OLD', { retired: true }]]), usernames: new Set(['officer1']) };
const units = (...rows: string[][]): RawSheet => ({ header: ['单位编码 (code)', '单位名称 (name)', '上级单位编码 (parentCode)', '行政区划代码 (regionCode)'], rows });
const users = (...rows: string[][]): RawSheet => ({ header: ['用户名', '姓名', '单位编码', '角色'], rows });

describe('planDirectoryImport (批量导入)', () => {
  it('plans units parents first, whatever their order in the file, and the users in them', () => {
    const plan = planDirectoryImport(
      {
        units: units(['OFFICE', '办公室', 'DIST', ''], ['DIST', '区纪委', 'CITY', '110101']),
        users: users(['li.si', '李四', 'OFFICE', '承办人员、审批领导'], [' ', '', '', ''], ['wang.wu', '王五', 'CITY', 'INTAKE_OFFICER']),
      },
      existing,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.units.map((u) => [u.row, u.code, u.parentCode])).toEqual([[3, 'DIST', 'CITY'], [2, 'OFFICE', 'DIST']]);
    expect(plan.users.map((u) => [u.row, u.username, u.roles])).toEqual([[2, 'li.si', ['CASE_OFFICER', 'SUPERVISOR']], [4, 'wang.wu', ['INTAKE_OFFICER']]]);
  });

  it('names the sheet, row and column of every problem, and plans nothing then', () => {
    const plan = planDirectoryImport(
      {
        units: units(['CITY', '重复', '', ''], ['NEW', '新单位', 'OLD', '12']),
        users: users(['officer1', '重名', 'CITY', 'CASE_OFFICER'], ['zhao liu', '赵六', 'NOWHERE', 'ADMIN、承办人员'], ['sun.qi', '孙七', 'CITY', 'ROOT']),
      },
      existing,
    );
    expect(plan.units).toEqual([]);
    expect(plan.users).toEqual([]);
    expect(plan.problems.map((p) => p.field)).toEqual([
      'units[2].code',
      'units[3].regionCode',
      'units[3].parentCode',
      'users[2].username',
      'users[3].username',
      'users[3].unitCode',
      'users[3].roles',
      'users[4].roles',
    ]);
    expect(plan.problems[2].message).toBe('单位第 3 行「上级单位编码」列 (units row 3, column parentCode): unit OLD is retired (已撤销) and takes no new units or users');
    expect(plan.problems[6].message).toMatch(/ADMIN \(系统管理员\) holds no other role/);
    expect(plan.problems[7].message).toMatch(/unknown role\(s\): ROOT/);
  });

  it('refuses codes and usernames given twice, and units that lie under each other', () => {
    const plan = planDirectoryImport(
      { units: units(['A', 'a', 'B', ''], ['B', 'b', 'A', ''], ['C', 'c', 'C', ''], ['A', 'again', '', '']), users: users(['x1', 'x', 'CITY', 'AUDITOR'], ['x1', 'x', 'CITY', 'AUDITOR']) },
      existing,
    );
    expect(plan.problems.map((p) => p.field).sort()).toEqual(['units[2].parentCode', 'units[3].parentCode', 'units[4].parentCode', 'units[5].code', 'users[3].username']);
  });

  it('refuses unknown, missing and repeated columns, and an empty file', () => {
    expect(planDirectoryImport({ users: { header: ['用户名', '姓名', '电话', '角色'], rows: [] } }, existing).problems.map((p) => p.message)).toEqual([
      expect.stringContaining('unknown column "电话"'),
      expect.stringContaining('column 单位编码 (unitCode) is missing'),
    ]);
    expect(planDirectoryImport({ units: { header: ['code', 'name', 'code'], rows: [] } }, existing).problems[0].message).toMatch(/appears 2 times/);
    expect(planDirectoryImport({ units: units() }, existing).problems).toEqual([{ field: 'file', message: 'holds no rows to import' }]);
  });

  it('reads roles by code or by label, in either language', () => {
    expect(parseRoleCell('承办人员, supervisor；Intake officer')).toEqual({ roles: ['CASE_OFFICER', 'SUPERVISOR', 'INTAKE_OFFICER'], unknown: [] });
    expect(parseRoleCell('boss')).toEqual({ roles: [], unknown: ['boss'] });
  });
});

// Bulk import of units and users (issue 17, §1): CSV and XLSX in an organisation department's roster shape, checked
// row by row with each problem naming its sheet, row and column, and written all or nothing.
import ExcelJS from 'exceljs';
import { DEMO_ORG_UNITS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

const UNIT_HEADER = '单位编码 (code),单位名称 (name),上级单位编码 (parentCode),行政区划代码 (regionCode)';
const USER_HEADER = '用户名 (username),姓名 (displayName),单位编码 (unitCode),角色 (roles)';
const csv = (header: string, ...rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');

async function workbook(units: string[][], users: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const add = (name: string, header: string, rows: string[][]) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(header.split(','));
    rows.forEach((r) => sheet.addRow(r));
  };
  add('单位', UNIT_HEADER, units);
  add('人员', USER_HEADER, users);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('administration: importing units and users', () => {
  let h: ApiHarness;
  let admin: string;
  const upload = (files: Record<string, Buffer>, reason = '年度人员名册导入', token = admin) => {
    let req = h.http.post('/api/admin/import').set('Authorization', `Bearer ${token}`).field('reason', reason);
    for (const [field, body] of Object.entries(files)) req = req.attach(field, body, field === 'file' ? 'roster.xlsx' : `${field}.csv`);
    return req;
  };
  const counts = async () => (await h.workers.dataSource.query('SELECT (SELECT count(*) FROM org_units)::int AS units, (SELECT count(*) FROM users)::int AS users'))[0];

  beforeAll(async () => {
    h = await startApiHarness();
    admin = await h.token('admin1');
  });
  afterAll(() => h.close());

  it('refuses a CSV import with problems as a whole, naming each row and column', async () => {
    const before = await counts();
    const refused = await upload({
      units: csv(UNIT_HEADER, 'IMP-A,导入甲单位,CITY,110101', 'IMP-B,导入乙单位,NOWHERE,'),
      users: csv(USER_HEADER, 'imp.one,导入一,IMP-A,承办人员', 'imp two,导入二,IMP-A,审计人员、承办人员', 'officer1,重名,IMP-A,CASE_OFFICER'),
    });
    expect(refused.body).toMatchObject({ statusCode: 400, reason: 'INVALID_INPUT' });
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['units[3].parentCode', 'users[3].username', 'users[3].roles', 'users[4].username']);
    expect(refused.body.fields[0].message).toBe('单位第 3 行「上级单位编码」列 (units row 3, column parentCode): names no unit: NOWHERE is neither in this file nor in the system');
    expect(await counts()).toEqual(before); // nothing of the valid rows either
  });

  it('imports a valid CSV pair in one go; each new officer signs in with their one-time password', async () => {
    const imported = await upload({
      units: csv(UNIT_HEADER, 'IMP-OFFICE,导入办公室,IMP-A,', 'IMP-A,导入甲单位,CITY,110101'),
      users: csv(USER_HEADER, 'imp.one,导入一,IMP-A,承办人员', 'imp.two,导入二,IMP-OFFICE,"INTAKE_OFFICER; CASE_OFFICER"'),
    }).expect(201);
    expect(imported.body.units.map((u: { code: string }) => u.code)).toEqual(['IMP-A', 'IMP-OFFICE']);
    const [unitA, office] = imported.body.units;
    expect(unitA).toMatchObject({ parentId: DEMO_ORG_UNITS.commission.id, regionCode: '110101' });
    expect(office).toMatchObject({ parentId: unitA.id, path: `${unitA.path}${office.id}/` });
    expect(imported.body.users.map((u: { user: { username: string; roles: string[]; orgUnitId: string } }) => [u.user.username, u.user.roles, u.user.orgUnitId])).toEqual([
      ['imp.one', ['CASE_OFFICER'], unitA.id],
      ['imp.two', ['INTAKE_OFFICER', 'CASE_OFFICER'], office.id],
    ]);
    const login = await h.http.post('/api/auth/login').send({ username: 'imp.two', password: imported.body.users[1].oneTimePassword }).expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);

    const auditor = await h.token('auditor1');
    const events = (await h.http.get('/api/audit/security-events?kind=DIRECTORY_IMPORTED').set('Authorization', `Bearer ${auditor}`).expect(200)).body.items;
    expect(events[0]).toMatchObject({ actorName: 'admin1', reason: '年度人员名册导入', details: { units: ['IMP-A', 'IMP-OFFICE'], users: ['imp.one', 'imp.two'] } });
  });

  it('does the same with an XLSX workbook: problems by row and column, all or nothing', async () => {
    const before = await counts();
    const refused = await upload({ file: await workbook([['XL-A', '表格甲单位', 'IMP-A', ''], ['XL-B', '', 'XL-A', '12']], [['xl.one', '表格一', 'XL-B', 'ADMIN,承办人员']]) });
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['units[3].name', 'units[3].regionCode', 'users[2].roles']);
    expect(await counts()).toEqual(before);

    const imported = await upload({ file: await workbook([['XL-A', '表格甲单位', 'IMP-A', ''], [], ['XL-B', '表格乙单位', 'XL-A', '110102']], [['xl.one', '表格一', 'XL-B', '审批领导']]) }).expect(201);
    expect(imported.body.units.map((u: { code: string }) => u.code)).toEqual(['XL-A', 'XL-B']);
    expect(imported.body.users[0].user).toMatchObject({ username: 'xl.one', roles: ['SUPERVISOR'], mustChangePassword: true });
    // Imported again: every row is now a duplicate, and nothing changes.
    const again = await upload({ file: await workbook([['XL-A', '表格甲单位', 'IMP-A', '']], [['xl.one', '表格一', 'XL-B', '审批领导']]) });
    expect(again.body.fields.map((f: { field: string }) => f.field)).toEqual(['units[2].code', 'users[2].username']);
  });

  it('refuses an upload without a reason or a file, and serves the template both ways', async () => {
    expect((await upload({ units: csv(UNIT_HEADER, 'R-1,一,CITY,') }, '')).body.fields).toEqual([{ field: 'reason', message: 'is required' }]);
    expect((await upload({})).body.fields).toEqual([expect.objectContaining({ field: 'file' })]);

    const xlsx = await h.http.get('/api/admin/import/template').set('Authorization', `Bearer ${admin}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['单位 (units)', '人员 (users)', '说明 (notes)']);
    expect((book.getWorksheet('人员 (users)')!.getRow(1).values as string[]).slice(1).join(',')).toBe(USER_HEADER);
    const template = await h.http.get('/api/admin/import/template?format=csv&sheet=units').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    expect(template.text.replace(/^\uFEFF/, '').trim()).toBe(UNIT_HEADER);
    expect((await h.http.get('/api/admin/import/template').set('Authorization', `Bearer ${await h.token('officer1')}`)).status).toBe(403);
  });
});

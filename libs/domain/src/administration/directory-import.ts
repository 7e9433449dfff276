import { ROLE_LABELS, ROLES, type Role } from '@dandang/contracts';
import type { FieldProblem } from '../errors';
import { displayNameProblems, regionCodeProblems, unitCodeProblems, unitNameProblems, usernameProblems } from './fields';
import { roleCombinationProblems } from './roles';

/**
 * Bulk import of units and users (批量导入), in the shape an organisation department keeps its roster: a sheet of
 * units (单位) and a sheet of people (人员), one row each, a header row first (docs/administration-import.md).
 */
export const IMPORT_SHEETS = ['units', 'users'] as const;
export type ImportSheetName = (typeof IMPORT_SHEETS)[number];

export interface ImportColumn {
  key: string;
  zh: string;
  required: boolean;
  /** What the column holds, for the template and the docs. */
  note: string;
}

export const IMPORT_COLUMNS: Record<ImportSheetName, readonly ImportColumn[]> = {
  units: [
    { key: 'code', zh: '单位编码', required: true, note: 'unique code; letters, digits, ".", "_", "-"' },
    { key: 'name', zh: '单位名称', required: true, note: 'full name' },
    { key: 'parentCode', zh: '上级单位编码', required: false, note: 'code of the parent unit (in this file or already in the system); empty for a top unit' },
    { key: 'regionCode', zh: '行政区划代码', required: false, note: 'six digits, for regional holiday calendars' },
  ],
  users: [
    { key: 'username', zh: '用户名', required: true, note: 'sign-in name; letters, digits, ".", "_", "-"' },
    { key: 'displayName', zh: '姓名', required: true, note: 'name as shown' },
    { key: 'unitCode', zh: '单位编码', required: true, note: 'code of the unit (in this file or already in the system)' },
    { key: 'roles', zh: '角色', required: true, note: `one or more of ${ROLES.join(', ')} or their Chinese names, separated by "、" "," or ";"` },
  ],
};

/** The Chinese names of the sheets (an XLSX workbook's sheet may carry either name). */
export const IMPORT_SHEET_NAMES: Record<ImportSheetName, string> = { units: '单位', users: '人员' };

/** A header cell as the template writes it: `单位编码 (code)`. */
export const importHeader = (column: ImportColumn): string => `${column.zh} (${column.key})`;

/** The rows are numbered as the spreadsheet numbers them: the header is row 1. */
export const FIRST_DATA_ROW = 2;
export const MAX_IMPORT_ROWS = 5000;

/** One sheet as read from the file: its header cells and its data rows, as text. */
export interface RawSheet {
  header: string[];
  rows: string[][];
}

/** What is in the system already, by unit code and username. */
export interface ImportContext {
  units: ReadonlyMap<string, { retired: boolean }>;
  usernames: ReadonlySet<string>;
}

export interface PlannedUnit {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  regionCode: string | null;
}

export interface PlannedUser {
  row: number;
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
}

/** The units in an order that puts each parent first, and the users; only when `problems` is empty. */
export interface DirectoryImportPlan {
  problems: FieldProblem[];
  units: PlannedUnit[];
  users: PlannedUser[];
}

const normalized = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/** The column a header cell names: `单位编码`, `code`, or both as `单位编码 (code)`. */
function columnOf(sheet: ImportSheetName, cell: string): ImportColumn | undefined {
  const bare = cell.trim();
  const withoutNote = bare.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
  const inNote = /[(（]([^()（）]*)[)）]\s*$/.exec(bare)?.[1];
  return IMPORT_COLUMNS[sheet].find((c) =>
    [withoutNote, bare, inNote].some((t) => t !== undefined && (t.trim() === c.zh || normalized(t) === normalized(c.key))),
  );
}

/** A problem at one cell, named by sheet, spreadsheet row and column in both languages. */
function cellProblem(sheet: ImportSheetName, row: number, column: ImportColumn, message: string): FieldProblem {
  return { field: `${sheet}[${row}].${column.key}`, message: `${IMPORT_SHEET_NAMES[sheet]}第 ${row} 行「${column.zh}」列 (${sheet} row ${row}, column ${column.key}): ${message}` };
}

/** The roles a cell names, by code or by label (`承办人员、审批领导`, `CASE_OFFICER;SUPERVISOR`). */
export function parseRoleCell(cell: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const token of cell.split(/[,，;；、|/\n]+/).map((t) => t.trim()).filter(Boolean)) {
    const role = ROLES.find((r) => r === token.toUpperCase() || ROLE_LABELS[r].zh === token || normalized(ROLE_LABELS[r].en) === normalized(token));
    if (role) roles.push(role);
    else unknown.push(token);
  }
  return { roles, unknown };
}

interface ReadSheet {
  problems: FieldProblem[];
  records: { row: number; cells: Record<string, string> }[];
}

function readSheet(sheet: ImportSheetName, raw: RawSheet): ReadSheet {
  const problems: FieldProblem[] = [];
  const columns = raw.header.map((cell) => (cell.trim() === '' ? null : columnOf(sheet, cell)));
  raw.header.forEach((cell, i) => {
    if (cell.trim() !== '' && !columns[i]) {
      problems.push({ field: `${sheet}.header`, message: `${IMPORT_SHEET_NAMES[sheet]}: unknown column "${cell}" (known: ${IMPORT_COLUMNS[sheet].map(importHeader).join(', ')})` });
    }
  });
  for (const column of IMPORT_COLUMNS[sheet]) {
    const count = columns.filter((c) => c === column).length;
    if (count === 0 && column.required) problems.push({ field: `${sheet}.header`, message: `${IMPORT_SHEET_NAMES[sheet]}: column ${importHeader(column)} is missing` });
    if (count > 1) problems.push({ field: `${sheet}.header`, message: `${IMPORT_SHEET_NAMES[sheet]}: column ${importHeader(column)} appears ${count} times` });
  }
  if (raw.rows.length > MAX_IMPORT_ROWS) problems.push({ field: sheet, message: `${IMPORT_SHEET_NAMES[sheet]}: at most ${MAX_IMPORT_ROWS} rows at a time` });
  if (problems.length) return { problems, records: [] };
  const records = raw.rows
    .map((cells, i) => ({
      row: i + FIRST_DATA_ROW,
      cells: Object.fromEntries(columns.flatMap((c, j) => (c ? [[c.key, (cells[j] ?? '').trim()]] : []))),
    }))
    // Blank rows between entries are common in kept rosters, and mean nothing.
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { problems, records };
}

const column = (sheet: ImportSheetName, key: string) => IMPORT_COLUMNS[sheet].find((c) => c.key === key)!;

/**
 * Checks a whole import row by row, against itself and what the system holds, naming each problem's sheet, row and
 * column; the plan is all or nothing: any problem and nothing is imported.
 */
export function planDirectoryImport(input: Partial<Record<ImportSheetName, RawSheet>>, existing: ImportContext): DirectoryImportPlan {
  const problems: FieldProblem[] = [];
  const units = input.units ? readSheet('units', input.units) : { problems: [], records: [] };
  const users = input.users ? readSheet('users', input.users) : { problems: [], records: [] };
  problems.push(...units.problems, ...users.problems);
  if (problems.length) return { problems, units: [], users: [] };
  if (units.records.length + users.records.length === 0) return { problems: [{ field: 'file', message: 'holds no rows to import' }], units: [], users: [] };

  const at = (sheet: ImportSheetName, row: number, key: string, fieldProblems: FieldProblem[]) =>
    fieldProblems.forEach((p) => problems.push(cellProblem(sheet, row, column(sheet, key), p.message)));

  // Units: each code once, new, and its parent in the file or in service in the system.
  const fileUnits = new Map<string, PlannedUnit>();
  for (const { row, cells } of units.records) {
    const unit: PlannedUnit = { row, code: cells.code ?? '', name: cells.name ?? '', parentCode: cells.parentCode || null, regionCode: cells.regionCode || null };
    at('units', row, 'code', unitCodeProblems(unit.code));
    at('units', row, 'name', unitNameProblems(unit.name));
    at('units', row, 'regionCode', regionCodeProblems(unit.regionCode));
    if (existing.units.has(unit.code)) at('units', row, 'code', [{ field: 'code', message: `unit ${unit.code} already exists` }]);
    else if (fileUnits.has(unit.code)) at('units', row, 'code', [{ field: 'code', message: `unit ${unit.code} is also in row ${fileUnits.get(unit.code)!.row}` }]);
    else fileUnits.set(unit.code, unit);
  }
  const unitInService = (code: string, sheet: ImportSheetName, row: number, key: string): boolean => {
    const known = existing.units.get(code);
    if (known?.retired) at(sheet, row, key, [{ field: key, message: `unit ${code} is retired (已撤销) and takes no new units or users` }]);
    else if (!known && !fileUnits.has(code)) at(sheet, row, key, [{ field: key, message: `names no unit: ${code} is neither in this file nor in the system` }]);
    return Boolean(known && !known.retired) || fileUnits.has(code);
  };
  for (const unit of fileUnits.values()) {
    if (unit.parentCode === unit.code) at('units', unit.row, 'parentCode', [{ field: 'parentCode', message: 'a unit cannot lie under itself' }]);
    else if (unit.parentCode) unitInService(unit.parentCode, 'units', unit.row, 'parentCode');
  }
  const ordered = parentsFirst([...fileUnits.values()], (unit) => at('units', unit.row, 'parentCode', [{ field: 'parentCode', message: 'the units of this file lie under each other in a loop' }]));

  // Users: each username once and new, in a unit in service, with roles that may go together.
  const fileUsers = new Map<string, PlannedUser>();
  const planned: PlannedUser[] = [];
  for (const { row, cells } of users.records) {
    const { roles, unknown } = parseRoleCell(cells.roles ?? '');
    const user: PlannedUser = { row, username: cells.username ?? '', displayName: cells.displayName ?? '', unitCode: cells.unitCode ?? '', roles };
    at('users', row, 'username', usernameProblems(user.username));
    at('users', row, 'displayName', displayNameProblems(user.displayName));
    if (existing.usernames.has(user.username)) at('users', row, 'username', [{ field: 'username', message: `user ${user.username} already exists` }]);
    else if (fileUsers.has(user.username)) at('users', row, 'username', [{ field: 'username', message: `user ${user.username} is also in row ${fileUsers.get(user.username)!.row}` }]);
    else fileUsers.set(user.username, user);
    if (user.unitCode === '') at('users', row, 'unitCode', [{ field: 'unitCode', message: 'is required' }]);
    else unitInService(user.unitCode, 'users', row, 'unitCode');
    if (unknown.length) at('users', row, 'roles', [{ field: 'roles', message: `unknown role(s): ${unknown.join(', ')}` }]);
    else at('users', row, 'roles', roleCombinationProblems(roles));
    planned.push(user);
  }
  return problems.length ? { problems, units: [], users: [] } : { problems, units: ordered, users: planned };
}

/** The units with every parent from the file before its children; `loop` is told of each unit on a cycle. */
function parentsFirst(units: PlannedUnit[], loop: (unit: PlannedUnit) => void): PlannedUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const placed = new Set<string>();
  const ordered: PlannedUnit[] = [];
  for (const unit of units) {
    const chain: PlannedUnit[] = [];
    let current: PlannedUnit | undefined = unit;
    while (current && !placed.has(current.code) && !chain.includes(current)) {
      chain.push(current);
      // A unit naming itself as its parent was refused on its own.
      current = current.parentCode && current.parentCode !== current.code ? byCode.get(current.parentCode) : undefined;
    }
    if (current && chain.includes(current)) {
      chain.slice(chain.indexOf(current)).forEach(loop);
      chain.forEach((u) => placed.add(u.code));
      continue;
    }
    for (const u of chain.reverse()) {
      placed.add(u.code);
      ordered.push(u);
    }
  }
  return ordered;
}

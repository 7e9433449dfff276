import { moveProblems, placementProblems, rebasedPath, retireProblems, unitPath, type TreeUnit } from './org-tree';

const unit = (path: string, retiredAt: string | null = null): TreeUnit => ({ id: path.split('/').at(-2)!, path, retiredAt });

describe('the unit tree', () => {
  const city = unit('/city/');
  const district = unit('/city/district/');
  const office = unit('/city/district/office/');
  const other = unit('/city/other/');

  it('builds and rebases paths', () => {
    expect(unitPath(null, 'city')).toBe('/city/');
    expect(unitPath('/city/', 'district')).toBe('/city/district/');
    expect(rebasedPath('/city/district/office/', '/city/district/', '/city/other/district/')).toBe('/city/other/district/office/');
    expect(() => rebasedPath('/elsewhere/', '/city/', '/x/')).toThrow();
  });

  it('moves a unit under another branch or to the top', () => {
    expect(moveProblems(district, other)).toEqual([]);
    expect(moveProblems(district, null)).toEqual([]);
  });

  it('refuses a move under the unit itself or its own descendant', () => {
    expect(moveProblems(district, district)).toEqual([{ field: 'parentId', message: 'a unit cannot lie under itself' }]);
    expect(moveProblems(district, office)).toEqual([{ field: 'parentId', message: expect.stringContaining('its own descendant') }]);
    expect(moveProblems(city, office)).toHaveLength(1);
  });

  it('refuses a move under a retired unit, and of a retired unit', () => {
    expect(moveProblems(district, unit('/city/old/', '2026-01-01'))[0].message).toMatch(/retired/);
    expect(moveProblems(unit('/city/old/', '2026-01-01'), other)[0].message).toMatch(/retired/);
  });

  it('places new users and units only in a unit in service', () => {
    expect(placementProblems(city, 'orgUnitId')).toEqual([]);
    expect(placementProblems(null, 'orgUnitId')).toEqual([{ field: 'orgUnitId', message: 'names no unit' }]);
    expect(placementProblems(unit('/old/', '2026-01-01'), 'orgUnitId')[0].message).toMatch(/retired/);
  });

  it('retires a unit only once nobody works in it and nothing under it is in service', () => {
    expect(retireProblems(district, { activeUsers: 0, unitsInService: 0 })).toEqual([]);
    expect(retireProblems(district, { activeUsers: 2, unitsInService: 1 }).map((p) => p.message)).toEqual([
      '2 active user(s) still belong to it: move or deactivate them first',
      '1 unit(s) under it are still in service: move or retire them first',
    ]);
    expect(retireProblems(unit('/old/', '2026-01-01'), { activeUsers: 0, unitsInService: 0 })).toEqual([{ field: 'id', message: 'the unit is already retired' }]);
  });
});

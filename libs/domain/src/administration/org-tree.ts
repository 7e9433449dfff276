import type { FieldProblem } from '../errors';

/** A unit as the tree rules see it. */
export interface TreeUnit {
  id: string;
  /** '/<root id>/…/<own id>/': a subtree is a prefix. */
  path: string;
  retiredAt: Date | string | null;
}

/** The path of unit `id` under a parent at `parentPath` (a root when null). */
export const unitPath = (parentPath: string | null, id: string): string => `${parentPath ?? '/'}${id}/`;

/** A path under `from` moved to lie under `to` instead (the unit itself or one of its descendants). */
export function rebasedPath(path: string, from: string, to: string): string {
  if (!path.startsWith(from)) throw new Error(`${path} does not lie under ${from}`);
  return to + path.slice(from.length);
}

/** What is wrong with placing a new unit, or a user, in `parent` (empty when nothing is): a retired unit takes none. */
export function placementProblems(parent: TreeUnit | null, field: string): FieldProblem[] {
  if (!parent) return [{ field, message: 'names no unit' }];
  return parent.retiredAt ? [{ field, message: 'names a retired unit (已撤销), which takes no new units, users or cases' }] : [];
}

/**
 * What is wrong with moving `unit` under `newParent` (null: to be a root). Never under itself or one of its own
 * descendants (the tree would become a loop), never under a retired unit, and a retired unit stays where it was.
 */
export function moveProblems(unit: TreeUnit, newParent: TreeUnit | null, field = 'parentId'): FieldProblem[] {
  if (unit.retiredAt) return [{ field, message: 'the unit is retired (已撤销) and keeps its place' }];
  if (!newParent) return [];
  if (newParent.path.startsWith(unit.path)) {
    return [{ field, message: newParent.id === unit.id ? 'a unit cannot lie under itself' : 'names a unit under the one being moved (a unit cannot move under its own descendant)' }];
  }
  return placementProblems(newParent, field);
}

/** What keeps a unit from being retired: its active users and the units under it still in service. */
export function retireProblems(unit: TreeUnit, holds: { activeUsers: number; unitsInService: number }, field = 'id'): FieldProblem[] {
  if (unit.retiredAt) return [{ field, message: 'the unit is already retired' }];
  const problems: string[] = [];
  if (holds.activeUsers > 0) problems.push(`${holds.activeUsers} active user(s) still belong to it: move or deactivate them first`);
  if (holds.unitsInService > 0) problems.push(`${holds.unitsInService} unit(s) under it are still in service: move or retire them first`);
  return problems.map((message) => ({ field, message }));
}

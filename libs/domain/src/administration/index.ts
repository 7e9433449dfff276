/** Administration (系统管理): which roles an account may hold together, the unit tree's rules, bulk import. */
export * from './roles';
export * from './fields';
export * from './org-tree';
export * from './directory-import';

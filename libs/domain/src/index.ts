/** The domain's rules by concept; errors.ts stays at the root because every folder refuses with it. */
export * from './errors';
export * from './case';
export * from './access';
export * from './notices';
export * from './policy';
export * from './calendar';
export * from './deadlines';
export * from './fault-tolerance';
export * from './aftercare';
export * from './effects';
export * from './auth';
export * from './reporter-identity';
export * from './reports';
export * from './administration';
export * from './evidence';
export * from './documents';

// The HTTP API's response shapes, declared once: the API builds them and the web app reads them.
export type * from './auth';
export type * from './cases';
export type * from './fault-tolerance';
export type * from './notifications';
export type * from './dashboard';
export type * from './directory';
export type * from './security-events';
export type * from './reporter-identity';
export type * from './administration';
export type * from './documents';
export type * from './evidence';
export type * from './reassignments';
export type * from './reference-data';
export type * from './reports';
export type * from './exports';
export type * from './effects';

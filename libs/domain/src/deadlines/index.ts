export * from './duration';
export * from './stage-clock';

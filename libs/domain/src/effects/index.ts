export * from './effects-policy';
export * from './official-effects';

/** Accounts: what a password must be, when a session has ended, what a security event may carry. */
export * from './password-policy';
export * from './sessions';
export * from './security-events';

/** Accounts: what a password must be. */
export * from './password-policy';

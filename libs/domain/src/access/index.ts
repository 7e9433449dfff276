/**
 * Who sees what and who is eligible for what: roles, recusal and four eyes on a case; which users may be given a
 * case or linked as its official concerned; what the official concerned sees of a case, its timeline and its
 * reviews; who sees the reporter.
 */
export * from './participants';
export * from './eligibility';
export * from './visibility';
export * from './case-sight';

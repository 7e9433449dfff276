/**
 * Who sees what and who is eligible for what: roles, recusal and four eyes on a case; which users may be given a
 * case or linked as its official concerned; what the official concerned sees of a case, its timeline and its
 * reviews; who sees the reporter; what an auditor reads of a case.
 */
export * from './participants';
export * from './eligibility';
export * from './reassignment';
export * from './visibility';
export * from './case-sight';
export * from './audit-view';
export * from './case-export';
export * from './temporal-payloads';

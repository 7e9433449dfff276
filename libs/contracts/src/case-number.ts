/** 线索编号: DD-<year>-<sequence, six digits or more>, given at registration; what officers write and quote. */
export function caseNumber(year: number, sequence: number): string {
  return `DD-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Whether `text` has the shape of a case number (so a page or request may name a case by it). */
export function isCaseNumber(text: string): boolean {
  return /^DD-\d{4}-\d{6,}$/.test(text);
}

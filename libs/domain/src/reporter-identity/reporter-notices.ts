import type { CaseState, ReporterNotice, ReporterNoticeKind } from '@dandang/contracts';
import type { Evolutions, PayloadChecks, Preconditions } from '../case/action-handlers';
import { conflict, invalidInput } from '../errors';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';

/**
 * Telling a real-name reporter (检举控告工作规则): of the acceptance within 15 WD of receipt, of the result within 15 WD
 * of the conclusion. An objection the reporter raises on being told the result is recorded with that notice; one that
 * comes later arrives as a new letter, registered as a clue, as the case may be over by then.
 */
export type ReporterNoticeActionName = 'recordReporterNotice';

const SKEW_MS = 5 * 60_000;
const STEP = { ACCEPTANCE: 'REPORTER_ACCEPTANCE_NOTICE', RESULT: 'REPORTER_RESULT_NOTICE' } as const;

/**
 * The notice of `kind` becomes owed from `from` (the receipt, or the conclusion), on its clock: only for a named report,
 * once, and when the case's policy times it (policies pinned before these notices keep none). Changes `s` in place.
 */
export function oweReporterNotice(s: CaseState, kind: ReporterNoticeKind, from: string, clock: ClockContext | undefined): void {
  if (s.registration.anonymousReport || s.reporterNotices?.some((n) => n.kind === kind)) return;
  const deadline = startStepClock(s, STEP[kind], s.stage, new Date(from), clock);
  if (deadline) s.reporterNotices = [...(s.reporterNotices ?? []), { kind, deadline }];
}

/** The notices still owed to the reporter. */
export const owedReporterNotices = (state: CaseState): ReporterNotice[] => (state.reporterNotices ?? []).filter((n) => !n.record);

export const REPORTER_NOTICE_PRECONDITIONS: Preconditions<ReporterNoticeActionName> = {
  recordReporterNotice: (state) =>
    owedReporterNotices(state).length ? undefined : () => conflict('NO_NOTICE_OWED', '没有待告知实名举报人的事项 (nothing is owed to the reporter now)'),
};

export const REPORTER_NOTICE_PAYLOAD_CHECKS: PayloadChecks<ReporterNoticeActionName> = {
  recordReporterNotice: (state, p, { now }) => {
    if (!owedReporterNotices(state).some((n) => n.kind === p.notice)) {
      throw invalidInput([{ field: 'notice', message: `is not owed now (owed: ${owedReporterNotices(state).map((n) => n.kind).join(', ')})` }]);
    }
    if (Date.parse(p.notifiedAt) > now.getTime() + SKEW_MS) throw invalidInput([{ field: 'notifiedAt', message: 'must not be in the future' }]);
    if (p.objection && p.notice !== 'RESULT') throw invalidInput([{ field: 'objection', message: 'is recorded with the RESULT notice only' }]);
  },
};

export const REPORTER_NOTICE_EVOLUTIONS: Evolutions<ReporterNoticeActionName> = {
  recordReporterNotice: (s, p, { actor }) => {
    const notice = s.reporterNotices!.find((n) => n.kind === p.notice)!;
    notice.record = { method: p.method, notifiedAt: new Date(p.notifiedAt).toISOString(), note: p.note, ...(p.objection ? { objection: p.objection } : {}), by: actor.userId };
    return p.note;
  },
};

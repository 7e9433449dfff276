import type { CaseState, ReporterNotice, ReporterNoticeKind } from '@dandang/contracts';
import type { Evolutions, PayloadChecks, Preconditions } from '../case/action-handlers';
import { conflict, invalidInput } from '../errors';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';

/** Telling a real-name reporter (检举控告工作规则): of the acceptance within 15 WD of receipt, of the result within 15 WD of the conclusion. */
export type ReporterNoticeActionName = 'recordReporterNotice' | 'recordReporterObjection';

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
  recordReporterObjection: (state) =>
    state.reporterNotices?.some((n) => n.kind === 'RESULT' && n.record)
      ? undefined
      : () => conflict('NO_RESULT_NOTICE', '尚未向举报人反馈处理结果 (the reporter has not been told the result)'),
};

export const REPORTER_NOTICE_PAYLOAD_CHECKS: PayloadChecks<ReporterNoticeActionName> = {
  recordReporterNotice: (state, p, { now }) => {
    if (!owedReporterNotices(state).some((n) => n.kind === p.notice)) {
      throw invalidInput([{ field: 'notice', message: `is not owed now (owed: ${owedReporterNotices(state).map((n) => n.kind).join(', ')})` }]);
    }
    if (Date.parse(p.notifiedAt) > now.getTime() + SKEW_MS) throw invalidInput([{ field: 'notifiedAt', message: 'must not be in the future' }]);
  },
  recordReporterObjection: (state, p, { now }) => {
    if (Date.parse(p.receivedAt) > now.getTime() + SKEW_MS) throw invalidInput([{ field: 'receivedAt', message: 'must not be in the future' }]);
    const told = state.reporterNotices!.find((n) => n.kind === 'RESULT')!.record!.notifiedAt;
    if (Date.parse(p.receivedAt) < Date.parse(told)) throw invalidInput([{ field: 'receivedAt', message: 'must not be before the reporter was told the result' }]);
  },
};

export const REPORTER_NOTICE_EVOLUTIONS: Evolutions<ReporterNoticeActionName> = {
  recordReporterNotice: (s, p, { actor }) => {
    const notice = s.reporterNotices!.find((n) => n.kind === p.notice)!;
    notice.record = { method: p.method, notifiedAt: new Date(p.notifiedAt).toISOString(), note: p.note, by: actor.userId };
    return p.note;
  },
  recordReporterObjection: (s, p, { actor }) => {
    s.reporterObjections = [...(s.reporterObjections ?? []), { receivedAt: new Date(p.receivedAt).toISOString(), content: p.content, recordedBy: actor.userId }];
    return p.content;
  },
};

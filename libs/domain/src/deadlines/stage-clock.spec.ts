import { aCaseState } from '@dandang/testing/factories';
import type { CaseDeadline, PinnedPolicy } from '@dandang/contracts';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { deadlineRungs, extendClock, fireRung, nextRung, recountOnNewCalendar, resumeClock, startStageClock, suspendClock } from './stage-clock';

const context = { calendar: CHINA_CALENDAR_2025_2026 };
/** The default ladder: remind at 50 % and 80 %, yellow card at 80 %, escalate a fifth past due. */
const DEFAULT_DEADLINE_RULES = DEFAULT_POLICY.deadlineRules!;
const at = (iso: string) => new Date(iso);
const seconds = (n: number): PinnedPolicy => ({ ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: n, unit: 'SECOND' } } });

/** A case of the policy whose clue came in on 2026-03-01 (the factory's receipt). */
const caseOf = (policy: PinnedPolicy) => ({ ...aCaseState(), policy });

function clockOf(policy: PinnedPolicy, start: string): CaseDeadline {
  return startStageClock(caseOf(policy), 'DISPOSITION', at(start), context)!;
}

describe('a stage clock', () => {
  it('counts a working-day limit on the pinned calendar: 5 WD from Thursday 2026-09-24 skip Mid-Autumn and National Day', () => {
    const policy: PinnedPolicy = { ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: 5, unit: 'WORKING_DAY' } } };
    // Working days after 09-24 (China time): 09-28, 09-29, 09-30, then National Day (10-01…07), 10-08, 10-09.
    const clock = clockOf(policy, '2026-09-24T02:00:00Z');
    expect(clock).toMatchObject({ dueAt: '2026-10-09T15:59:59.999Z', calendarVersion: CHINA_CALENDAR_2025_2026.version, unpublishedYears: [] });
  });

  it('has no clock in a stage the policy gives no limit', () => {
    expect(startStageClock(caseOf(seconds(10)), 'SERVED', at('2026-03-02T00:00:00Z'), context)).toBeUndefined();
  });

  it('lays out its ladder: reminders at 50 % and 80 %, yellow at 80 %, red when due, escalation a fifth past due', () => {
    const clock = clockOf(seconds(10), '2026-03-02T00:00:00.000Z');
    expect(deadlineRungs(clock, DEFAULT_DEADLINE_RULES).map((r) => [r.id, r.at])).toEqual([
      ['REMINDER@0.5', '2026-03-02T00:00:05.000Z'],
      ['REMINDER@0.8', '2026-03-02T00:00:08.000Z'],
      ['YELLOW_CARD', '2026-03-02T00:00:08.000Z'],
      ['RED_CARD', '2026-03-02T00:00:10.000Z'],
      ['ESCALATION', '2026-03-02T00:00:12.000Z'],
    ]);
  });

  it('puts a working-day clock\'s rungs on working days, at start of business, given the calendar', () => {
    const policy: PinnedPolicy = { ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: 5, unit: 'WORKING_DAY' } } };
    // Thursday 2026-02-12 + 5 WD over the Spring Festival (02-15…23): due Thursday 02-26.
    const clock = clockOf(policy, '2026-02-12T02:00:00Z');
    expect(deadlineRungs(clock, DEFAULT_DEADLINE_RULES, context).map((r) => [r.id, r.at])).toEqual([
      ['REMINDER@0.5', '2026-02-24T01:00:00.000Z'],
      ['REMINDER@0.8', '2026-02-25T01:00:00.000Z'],
      ['YELLOW_CARD', '2026-02-25T01:00:00.000Z'],
      ['RED_CARD', '2026-02-26T15:59:59.999Z'],
      ['ESCALATION', '2026-02-28T01:00:00.000Z'],
    ]);
    // Without the calendar (cases started before working-day rungs), fractions of the time: 02-19, in the holiday.
    expect(deadlineRungs(clock, DEFAULT_DEADLINE_RULES)[0]).toMatchObject({ id: 'REMINDER@0.5', at: '2026-02-19T09:00:00.000Z' });
  });

  it('keeps time fractions for calendar-day, month and drill clocks', () => {
    const month: PinnedPolicy = { ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: 1, unit: 'MONTH' } } };
    for (const policy of [month, seconds(10)]) {
      const clock = clockOf(policy, '2026-03-02T00:00:00.000Z');
      expect(deadlineRungs(clock, DEFAULT_DEADLINE_RULES, context)).toEqual(deadlineRungs(clock, DEFAULT_DEADLINE_RULES));
    }
  });

  it('fires each rung once, turning the card yellow, then red, then supervised', () => {
    let state = { ...aCaseState({ stage: 'DISPOSITION' }), deadline: clockOf(seconds(10), '2026-03-02T00:00:00.000Z') };
    const cards: string[] = [];
    for (let rung = nextRung(state.deadline, DEFAULT_DEADLINE_RULES); rung; rung = nextRung(state.deadline, DEFAULT_DEADLINE_RULES)) {
      const fired = fireRung(state, rung, at(rung.at));
      expect(fired.event).toMatchObject({ action: 'deadlineRung', actorRole: 'SYSTEM', version: state.version + 1, payload: { rung: rung.id } });
      state = { ...fired.state, deadline: fired.state.deadline! };
      cards.push(`${rung.id}:${state.deadline.card}${state.deadline.supervised ? '+督办' : ''}`);
    }
    expect(cards).toEqual(['REMINDER@0.5:NONE', 'REMINDER@0.8:NONE', 'YELLOW_CARD:YELLOW', 'RED_CARD:RED', 'ESCALATION:RED+督办']);
  });

  it('stands still while suspended and resumes over the working days that were left', () => {
    const policy: PinnedPolicy = { ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: 10, unit: 'WORKING_DAY' } } };
    const clock = clockOf(policy, '2026-03-02T02:00:00Z'); // Monday: due Monday 03-16
    const suspended = suspendClock(clock, '被反映人住院', at('2026-03-05T02:00:00Z'), context); // Thursday
    expect(suspended.suspension?.remaining).toEqual({ amount: 7, unit: 'WORKING_DAY' });
    expect(nextRung(suspended, DEFAULT_DEADLINE_RULES)).toBeUndefined();
    const resumed = resumeClock(suspended, at('2026-03-19T02:00:00Z'), context); // two weeks later, Thursday
    expect(resumed).toMatchObject({ startedAt: '2026-03-19T02:00:00.000Z', dueAt: '2026-03-30T15:59:59.999Z', fired: [] });
    expect(resumed.suspension).toBeUndefined();
  });

  it('moves the deadline by an approved extension and starts the ladder again', () => {
    const clock = { ...clockOf(seconds(10), '2026-03-02T00:00:00.000Z'), fired: ['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD'], card: 'YELLOW' as const };
    const extended = extendClock(clock, { amount: 20, reason: '调取证据', approvedBy: 'boss' }, at('2026-03-02T00:00:09Z'), context);
    expect(extended).toMatchObject({ dueAt: '2026-03-02T00:00:30.000Z', fired: [], card: 'NONE', extensions: [{ amount: 20, approvedBy: 'boss' }] });
  });
});

describe('a clock that counts from the clue\'s receipt (countsFromReceipt)', () => {
  const fromReceipt = { ...context, countsFromReceipt: true };
  // Received Thursday 2026-03-05, registered the Monday after (03-09), accepted Wednesday 03-11.
  const received = { ...aCaseState(), registration: { ...aCaseState().registration, receivedAt: '2026-03-05T02:00:00.000Z' } };
  const registeredAt = at('2026-03-09T02:00:00Z');
  const acceptedAt = at('2026-03-11T02:00:00Z');

  it('counts INTAKE\'s 5 working days from the receipt, not the registration', () => {
    // Working days after Thursday 03-05: 03-06, 03-09, 03-10, 03-11, 03-12.
    expect(startStageClock(received, 'INTAKE', registeredAt, fromReceipt)).toMatchObject({
      startedAt: '2026-03-05T02:00:00.000Z',
      dueAt: '2026-03-12T15:59:59.999Z',
    });
  });

  it('counts the disposition month from the receipt, not the acceptance', () => {
    // A month from 03-05 ends on 04-05, in the Qingming holiday (04-04…06): the next working day, 04-07.
    expect(startStageClock(received, 'DISPOSITION', acceptedAt, fromReceipt)).toMatchObject({
      startedAt: '2026-03-05T02:00:00.000Z',
      dueAt: '2026-04-07T15:59:59.999Z',
    });
  });

  it('counts from the stage\'s start without the flag, as cases begun before it do on replay', () => {
    expect(startStageClock(received, 'INTAKE', registeredAt, context)).toMatchObject({ startedAt: '2026-03-09T02:00:00.000Z', dueAt: '2026-03-16T15:59:59.999Z' });
    expect(startStageClock(received, 'DISPOSITION', acceptedAt, context)).toMatchObject({ startedAt: '2026-03-11T02:00:00.000Z' });
  });

  it('counts the later stages from their start', () => {
    for (const stage of ['INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED'] as const) {
      expect(startStageClock(received, stage, acceptedAt, fromReceipt)).toMatchObject({ startedAt: '2026-03-11T02:00:00.000Z' });
    }
  });

  it('counts a reopened clue\'s disposition (one already decided once) from the reopening', () => {
    const reopened = { ...received, disposition: { disposition: 'SHELVE_PENDING' as const, reason: '暂存', approvedBy: 'boss' } };
    expect(startStageClock(reopened, 'DISPOSITION', at('2026-06-01T02:00:00Z'), fromReceipt)).toMatchObject({ startedAt: '2026-06-01T02:00:00.000Z' });
  });

  it('counts a drill\'s seconds from the stage\'s start: from a real receipt they would all be due at once', () => {
    const drill = { ...received, policy: { ...DEFAULT_POLICY, stageLimits: { INTAKE: { amount: 10, unit: 'SECOND' as const } } } };
    expect(startStageClock(drill, 'INTAKE', registeredAt, fromReceipt)).toMatchObject({ startedAt: '2026-03-09T02:00:00.000Z' });
  });

  it('never starts a clock after its stage began, even for a receipt stamped a little ahead', () => {
    const ahead = { ...received, registration: { ...received.registration, receivedAt: '2026-03-09T02:04:00.000Z' } };
    expect(startStageClock(ahead, 'INTAKE', registeredAt, fromReceipt)).toMatchObject({ startedAt: '2026-03-09T02:00:00.000Z' });
  });

  it('fires every rung already due at once when the receipt lies past the whole ladder', () => {
    const clock = startStageClock(received, 'INTAKE', at('2026-03-30T02:00:00Z'), fromReceipt)!;
    const due = deadlineRungs(clock, DEFAULT_DEADLINE_RULES, fromReceipt).filter((r) => Date.parse(r.at) <= Date.parse('2026-03-30T02:00:00Z'));
    expect(due.map((r) => r.id)).toEqual(['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
  });
});

describe('a clock whose case takes a newly published year', () => {
  const only2025 = { calendar: { version: 'CN-2025', years: { 2025: CHINA_CALENDAR_2025_2026.years[2025] } } };
  const with2026 = { calendar: { version: 'CN-2025+CN-2026', years: CHINA_CALENDAR_2025_2026.years } };
  const fiveWorkingDays: PinnedPolicy = { ...DEFAULT_POLICY, stageLimits: { DISPOSITION: { amount: 5, unit: 'WORKING_DAY' } } };
  // Friday 2025-12-26 + 5 WD: weekends only, 2026-01-02; with 2026's New Year (Jan 1–3) and make-up Sunday Jan 4, Jan 5.
  const started = () => startStageClock(caseOf(fiveWorkingDays), 'DISPOSITION', at('2025-12-26T02:00:00Z'), only2025)!;

  it("counts that year's holidays for the days not yet passed", () => {
    expect(started()).toMatchObject({ dueAt: '2026-01-02T15:59:59.999Z', unpublishedYears: [2026] });
    const recounted = recountOnNewCalendar(started(), at('2025-12-29T02:00:00Z'), only2025, with2026);
    expect(recounted).toMatchObject({ dueAt: '2026-01-05T15:59:59.999Z', unpublishedYears: [], calendarVersion: 'CN-2025+CN-2026' });
  });

  it('leaves a clock already due, a suspended one, and one that counted no unpublished year', () => {
    const clock = started();
    expect(recountOnNewCalendar(clock, at('2026-01-03T02:00:00Z'), only2025, with2026)).toBe(clock);
    const suspended = suspendClock(clock, 'illness', at('2025-12-29T02:00:00Z'), only2025);
    expect(recountOnNewCalendar(suspended, at('2025-12-30T02:00:00Z'), only2025, with2026)).toBe(suspended);
    const published = clockOf(fiveWorkingDays, '2025-12-26T02:00:00Z');
    expect(recountOnNewCalendar(published, at('2025-12-29T02:00:00Z'), context, with2026)).toBe(published);
  });
});

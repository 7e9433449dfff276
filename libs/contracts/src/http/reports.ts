import type { AccountabilityForm, ClosureKind, IntakeMethod, SupervisionChannel } from '../enums';
import type { FaultToleranceOutcome } from '../fault-tolerance';
import type { FourForm, ReportPeriod } from '../reports';

/** One unit's figures in a report, each including the units below it. */
export interface ReportUnitFigures {
  orgUnitId: string;
  name: string;
  received: number;
  concluded: number;
  decisions: number;
  yellowCards: number;
  redCards: number;
}

/**
 * `GET /api/reports/statistics`: the figures of one period for the caller's subtree (检举控告规则 art. 18 quarterly
 * feedback), without the cases the caller is recused from. Each count is of events inside the period: clues
 * registered, cases concluded (closed), decisions approved (their forms as they stand after any appeal), inquiries
 * closed with light handling, deadline cards shown, fault-tolerance reviews concluded.
 */
export interface StatisticsReport {
  period: ReportPeriod;
  orgUnitId: string;
  generatedAt: string;
  received: {
    total: number;
    byChannel: { channel: SupervisionChannel; count: number }[];
    byIntakeMethod: { intakeMethod: IntakeMethod; count: number }[];
  };
  concluded: { total: number; byClosure: { kind: ClosureKind; count: number }[] };
  /** Null for an auditor, who reads no decision (三员分立); named in `withheld`. */
  accountability: {
    decisions: number;
    /** Each form a decision names counts once: a decision of two forms is in two rows. */
    byForm: { form: AccountabilityForm; subtype: string | null; count: number }[];
    /** Each decision, and each inquiry closed with a light measure, under the heaviest of its forms. */
    byFourForms: { fourForm: FourForm; count: number }[];
    lightHandlings: number;
  } | null;
  deadlines: { yellowCards: number; redCards: number; escalations: number };
  faultTolerance: { byOutcome: { outcome: FaultToleranceOutcome | 'DECLINED'; count: number }[] };
  byOrgUnit: ReportUnitFigures[];
  /** The parts left out of this viewer's report (an auditor's: channels, intake methods and decisions). */
  withheld: string[];
}

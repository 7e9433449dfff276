import type { AccountabilityFormChoice } from '../enums';
import type { OfficialEffectKind, OfficialEffectSource } from '../effects';

/** One line of the register of effects (GET /api/effects). */
export interface OfficialEffectView {
  caseId: string;
  caseNumber: string;
  personId: string;
  personName: string;
  position: string;
  orgUnitId: string;
  orgUnitName: string | null;
  userId: string | null;
  kind: OfficialEffectKind;
  source: OfficialEffectSource;
  form: AccountabilityFormChoice | null;
  from: string;
  /** Exclusive end; null when it has no set end. */
  until: string | null;
  year: number | null;
  /** Whether it runs now (started, not ended). */
  active: boolean;
  updatedAt: string;
}

export interface OfficialEffectList {
  items: OfficialEffectView[];
}

import type { ActionName } from '@dandang/contracts';
import type { PayloadChecks } from './action-handlers';
import { forbidden } from '../errors';
import { checkFindingGrounds, reportFindings } from './findings';
import { checkInquiryTeam } from './inquiry-team';

/**
 * Rules that refuse new requests only. They were added while cases were running, so a request they refuse may
 * already be in a case's history: applying an admitted request again (in a replay) must not refuse it. The Update's
 * validator and the API's listing apply them; `applyAction` does not.
 */
export const ADMISSION_CHECKS: PayloadChecks = {
  // Each leniency with the grounds of its article (问责条例 arts. 17–19): 免予问责 is not a free choice.
  submitInvestigationReport: (state, p) => {
    const { findings, field } = reportFindings(state, p);
    checkFindingGrounds(findings, field);
  },
  // An inquiry team of at least two is named when a filing is approved (问责条例 art. 10).
  approve: checkInquiryTeam,
  // 谁决定谁复查: the appeal is decided by the body that decided (the case's unit), not by one above or beside it.
  decideAppeal: (state, _p, { actor }) => {
    if (actor.orgUnitId !== state.registration.orgUnitId) {
      throw forbidden('NOT_DECIDING_BODY', '申诉由作出决定的机关复查 (the appeal is decided by the body that made the decision)');
    }
  },
};

/**
 * Actions retired from new use, each with what replaced it; running cases replay them as they were accepted. An
 * inquiry's conclusion is proposed and approved now, never recorded directly.
 */
export const RETIRED_ACTIONS: Readonly<Partial<Record<ActionName, ActionName>>> = { recordInquiryOutcome: 'proposeInquiryConclusion' };

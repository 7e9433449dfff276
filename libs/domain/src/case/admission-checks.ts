import type { ActionName, LeniencyLevel } from '@dandang/contracts';
import type { PayloadChecks } from './action-handlers';
import { forbidden, invalidInput } from '../errors';
import { groundsProblem } from './leniency-grounds';

/** The article of 问责条例 2019 whose grounds a leniency needs (arts. 17–19); NORMAL needs none. */
const GROUNDS_ARTICLE: Record<Exclude<LeniencyLevel, 'NORMAL'>, number> = { EXEMPTED: 17, LIGHTER: 18, REDUCED: 18, HEAVIER: 19, AGGRAVATED: 19 };

/**
 * Rules that refuse new requests only. They were added while cases were running, so a request they refuse may
 * already be in a case's history: applying an admitted request again (in a replay) must not refuse it. The Update's
 * validator and the API's listing apply them; `applyAction` does not.
 */
export const ADMISSION_CHECKS: PayloadChecks = {
  // Each leniency with the grounds of its article (问责条例 arts. 17–19): 免予问责 is not a free choice.
  submitInvestigationReport: (_state, p) => {
    if (p.leniency === 'NORMAL') {
      if (p.grounds?.length) throw invalidInput([{ field: 'grounds', message: 'are given only with a leniency other than NORMAL' }]);
      return;
    }
    groundsProblem(p.grounds, [GROUNDS_ARTICLE[p.leniency]], p.leniency);
  },
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

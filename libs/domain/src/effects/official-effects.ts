import type {
  AccountabilityFormChoice,
  CaseState,
  EffectRule,
  EffectsPolicy,
  OfficialEffect,
  OfficialEffectSource,
  PersonConcerned,
} from '@dandang/contracts';
import { addMonths } from '../aftercare/months';
import { FIRST_PERSON, personsOf } from '../case/persons';
import { effectRulesOf, effectsPolicyOf, formKey } from './effects-policy';

const CST_OFFSET_MS = 8 * 3_600_000;

/** The appraisal year of a moment (China Standard Time), and the moment it ends (1 January 00:00 CST next year). */
export function appraisalYear(at: string): { year: number; endsAt: string } {
  const year = new Date(Date.parse(at) + CST_OFFSET_MS).getUTCFullYear();
  return { year, endsAt: new Date(Date.UTC(year + 1, 0, 1) - CST_OFFSET_MS).toISOString() };
}

/** What one imposition of forms on one person is: the forms, when they took effect, and why. */
interface Imposition {
  personId: string;
  forms: readonly AccountabilityFormChoice[];
  at: string;
  source: OfficialEffectSource;
}

/**
 * The last change to the decision, on appeal (申诉) or by an ordered correction (问责条例 art. 21): revoked (no forms)
 * or varied (these forms). It concerns the decision the case holds as `decision`, the first person's.
 */
function lastRevision(state: CaseState): { forms: readonly AccountabilityFormChoice[]; at: string } | undefined {
  const revisions = [
    ...(state.appeal?.decision && state.appeal.decision.outcome !== 'UPHELD' ? [state.appeal.decision] : []),
    ...(state.correctionOrders ?? []).flatMap((o) => (o.correction ? [o.correction] : [])),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = revisions.at(-1);
  if (!last) return undefined;
  return { forms: last.outcome === 'REVOKED' ? [] : (last.forms ?? []), at: last.at };
}

/** The decisions of the case, one per person, with what an appeal or a correction made of the first's. */
function decisions(state: CaseState): Imposition[] {
  const revision = lastRevision(state);
  const revised = (personId: string, forms: readonly AccountabilityFormChoice[]) => (revision && personId === FIRST_PERSON ? revision.forms : forms);
  if (state.personDecisions?.length) {
    return state.personDecisions.map((d) => ({ personId: d.personId, forms: revised(d.personId, d.forms), at: d.decidedAt, source: 'DECISION' }));
  }
  if (state.decision) return [{ personId: FIRST_PERSON, forms: revised(FIRST_PERSON, state.decision.forms), at: state.decision.approvedAt, source: 'DECISION' }];
  return [];
}

/** An inquiry concluded with light handling by 诫勉 is an admonishment of the registered subject, from its approval. */
function inquiryAdmonishments(state: CaseState): Imposition[] {
  const admonished = (c: { outcome: string; measure?: string } | undefined) => c?.outcome === 'LIGHT_HANDLING' && c.measure === 'ADMONISHMENT';
  const rounds = (state.inquiryRounds ?? []).filter((r) => admonished(r.conclusion));
  if (rounds.length) return rounds.map((r) => ({ personId: FIRST_PERSON, forms: [{ form: 'ADMONISHMENT' }], at: r.conclusion!.at, source: 'INQUIRY' }));
  // An inquiry recorded before rounds existed: its conclusion closed the clue, so the closure dates it.
  if (!state.inquiryRounds?.length && admonished(state.inquiry) && state.closure?.kind === 'INQUIRY_CLOSED') {
    return [{ personId: FIRST_PERSON, forms: [{ form: 'ADMONISHMENT' }], at: state.closure.at, source: 'INQUIRY' }];
  }
  return [];
}

function effectOf(state: CaseState, person: PersonConcerned, imposition: Imposition, form: AccountabilityFormChoice, rule: EffectRule): OfficialEffect {
  const base = {
    key: `${person.personId}:${rule.kind}:${formKey(form)}:${imposition.source}`,
    caseId: state.caseId,
    caseNumber: state.number,
    personId: person.personId,
    personName: person.name,
    position: person.position,
    orgUnitId: person.orgUnitId,
    ...(person.userId ? { userId: person.userId } : {}),
    kind: rule.kind,
    source: imposition.source,
    form: { form: form.form, ...(form.subtype ? { subtype: form.subtype } : {}) },
    from: imposition.at,
  };
  if (rule.appraisalYear) {
    const { year, endsAt } = appraisalYear(imposition.at);
    return { ...base, until: endsAt, year };
  }
  if (rule.months) return { ...base, until: addMonths(new Date(imposition.at), rule.months).toISOString() };
  return base;
}

/**
 * 不作负面评价: a tolerated error (exempted or mitigated, 容错) and a decision revoked (纠正) leave the official with no
 * negative evaluation, for good. It concerns the registered subject, whom the review and the case's decision are of.
 */
function noNegativeEvaluation(state: CaseState, subject: PersonConcerned | undefined): OfficialEffect[] {
  if (!state.noNegativeEvaluation || !subject || subject.kind !== 'INDIVIDUAL') return [];
  const tolerated = state.tolerance && state.tolerance.outcome !== 'REJECTION';
  const source: OfficialEffectSource = tolerated ? 'TOLERANCE' : 'CORRECTION';
  const from = tolerated ? state.tolerance!.determinedAt : (lastRevision(state)?.at ?? state.closure?.at ?? state.registeredAt);
  return [
    {
      key: `${subject.personId}:NO_NEGATIVE_EVALUATION::${source}`,
      caseId: state.caseId,
      caseNumber: state.number,
      personId: subject.personId,
      personName: subject.name,
      position: subject.position,
      orgUnitId: subject.orgUnitId,
      ...(subject.userId ? { userId: subject.userId } : {}),
      kind: 'NO_NEGATIVE_EVALUATION',
      source,
      from,
    },
  ];
}

/**
 * The register of effects of one case (影响期 and 不作负面评价): per individual concerned (organisations carry none),
 * each effect of each form they were given — by the decision as an appeal or a correction left it (revoked: none;
 * varied: the varied forms), by the single decision of a case without a procedure (the registered subject's), or by
 * an inquiry's 诫勉 — under the case's effects policy (`effectsPolicyOf`). Pure: the read model and the webhook to the
 * organisation department are projected from it.
 */
export function officialEffects(state: CaseState, policy: EffectsPolicy = effectsPolicyOf(state)): OfficialEffect[] {
  const persons = new Map(personsOf(state).map((p) => [p.personId, p]));
  const effects: OfficialEffect[] = [];
  for (const imposition of [...inquiryAdmonishments(state), ...decisions(state)]) {
    const person = persons.get(imposition.personId);
    if (!person || person.kind !== 'INDIVIDUAL') continue;
    for (const form of imposition.forms) {
      for (const rule of effectRulesOf(policy, form)) effects.push(effectOf(state, person, imposition, form, rule));
    }
  }
  effects.push(...noNegativeEvaluation(state, persons.get(FIRST_PERSON)));
  // One line per key: the same form given twice to a person (two inquiry rounds) keeps its latest imposition.
  return [...new Map(effects.map((e) => [e.key, e])).values()];
}

/** Whether the effect runs at `now`: started, and not yet ended. */
export const effectActive = (e: Pick<OfficialEffect, 'from' | 'until'>, now: Date): boolean =>
  Date.parse(e.from) <= now.getTime() && (e.until === undefined || Date.parse(e.until) > now.getTime());

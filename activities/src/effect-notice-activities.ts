import { ACCOUNTABILITY_FORMS, OFFICIAL_EFFECT_KINDS } from '@dandang/contracts';
import type { EffectNoticeRow, OfficialEffectsRepository } from '@dandang/persistence';
import { webhookSignature } from './notification-activities';

export interface EffectNoticeDeps {
  effects: OfficialEffectsRepository;
  /** The organisation department's receiver, signed as the notifications' webhook is. */
  webhook?: { url: string; secret: string };
  fetch?: typeof fetch;
}

/** What the activities that send the register's notices are given: the register and the organisation department's receiver. */
export interface EffectWebhookDeps {
  effects?: OfficialEffectsRepository;
  effectsWebhook?: { url: string; secret: string };
  fetch?: typeof fetch;
}

/** What the organisation department is told of one effect: it started, ended (可正常使用), or was withdrawn. */
function noticeMessage(n: EffectNoticeRow): string {
  const kind = OFFICIAL_EFFECT_KINDS[n.kind]?.zh ?? n.kind;
  const form = n.form ? `（${ACCOUNTABILITY_FORMS[n.form as keyof typeof ACCOUNTABILITY_FORMS]?.zh ?? n.form}）` : '';
  const until = n.until ? new Date(n.until).toISOString().slice(0, 10) : undefined;
  if (n.notice === 'STARTED') return `${n.personName}：${kind}${form}${until ? `，至 ${until}` : ''}`;
  if (n.notice === 'ENDED') return `${n.personName}：${kind}${form}影响期已满，可正常使用`;
  return `${n.personName}：${kind}${form}已撤销（原决定已纠正）`;
}

/**
 * Sends the owed notices of the register of effects (of one case, or all) to the webhook in one signed POST
 * (`x-dandang-signature`: HMAC-SHA256 of the body, as the notifications'), then records them delivered. Answers how
 * many were sent; throws when the receiver refuses, leaving them owed for the next attempt.
 */
export async function deliverEffectNotices(deps: EffectNoticeDeps, now: Date, options: { caseId?: string; limit?: number } = {}): Promise<number> {
  if (!deps.webhook) return 0;
  const owed = await deps.effects.owedNotices(now, { caseId: options.caseId, limit: options.limit ?? 500 });
  if (owed.length === 0) return 0;
  const body = JSON.stringify({
    officialEffects: owed.map((n) => ({
      notice: n.notice,
      message: noticeMessage(n),
      caseId: n.caseId,
      caseNumber: n.caseNumber,
      personId: n.personId,
      personName: n.personName,
      position: n.position,
      orgUnitId: n.orgUnitId,
      userId: n.userId,
      kind: n.kind,
      source: n.source,
      form: n.form ? { form: n.form, ...(n.subtype ? { subtype: n.subtype } : {}) } : null,
      from: new Date(n.from).toISOString(),
      until: n.until ? new Date(n.until).toISOString() : null,
      year: n.year,
    })),
  });
  const response = await (deps.fetch ?? fetch)(deps.webhook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dandang-event': 'official-effects', 'x-dandang-signature': webhookSignature(deps.webhook.secret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status} to the official-effect notices`);
  await deps.effects.markNotified(owed, now);
  return owed.length;
}

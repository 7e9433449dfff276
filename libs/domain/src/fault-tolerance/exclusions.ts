import type { ExclusionEntry } from '@dandang/contracts';
import { invalidInput } from '../errors';

/**
 * The default negative list (容错负面清单), from docs/domain.md §d "Exclusions". Policy data: a locality
 * replaces or extends it through its policy. The three distinctions (deliberate, explicit ban, private
 * gain) are not entries here: they are explicit tests of every assessment, so no policy can drop them.
 */
export const DEFAULT_EXCLUSIONS: readonly ExclusionEntry[] = [
  {
    id: 'OBEYED_OBVIOUSLY_ILLEGAL_DECISION',
    label: { zh: '执行上级明显违法的决定', en: "Carried out a superior's obviously illegal decision" },
    source: '[N] 问责条例 art. 17',
  },
  {
    id: 'MAJOR_SAFETY_ACCIDENT',
    label: { zh: '发生重大安全责任事故', en: 'Major safety liability accident' },
    source: '[L: 韩城, 昌宁]',
  },
  {
    id: 'MAJOR_ENVIRONMENTAL_POLLUTION',
    label: { zh: '发生重大环境污染事件', en: 'Major environmental pollution' },
    source: '[L: 昌宁]',
  },
  {
    id: 'MAJOR_FOOD_SAFETY_ACCIDENT',
    label: { zh: '发生重大食品安全事故', en: 'Major food safety accident' },
    source: '[L: 昌宁]',
  },
  {
    id: 'MASS_INCIDENT_WITH_BAD_EFFECT',
    label: { zh: '引发造成恶劣影响的群体性事件', en: 'Mass incident with bad effects' },
    source: '[L: 昌宁]',
  },
  {
    id: 'ARBITRARY_DECISION_BYPASSING_PROCEDURE',
    label: { zh: '个人专断、规避决策程序', en: 'One-person arbitrary decision bypassing procedure' },
    source: '激励意见 commentary',
  },
  {
    id: 'DEFIANCE_OF_ORDERS',
    label: { zh: '有令不行、有禁不止', en: 'Defiance of orders and bans' },
    source: '激励意见 commentary',
  },
  {
    id: 'VIOLATED_PROHIBITIVE_PROVISIONS',
    label: { zh: '违反党纪国法和政策的禁止性规定', en: 'Violated prohibitive provisions of party rules, laws or policies' },
    source: '[L: 四川自贸区]',
  },
  {
    id: 'OBSTRUCTED_INQUIRY',
    label: { zh: '对抗组织调查、弄虚作假、推卸责任', en: 'Obstructed the inquiry, lied or shifted blame' },
    source: '[N] 问责条例 art. 19 ⚠',
    unconfirmed: true,
  },
  {
    id: 'EIGHT_POINT_RULES_BREACH',
    label: { zh: '违反中央八项规定精神', en: 'Breach of the Eight-point Rules' },
    source: 'local rules, not confirmed ⚠',
    unconfirmed: true,
  },
  {
    id: 'REPEATED_AFTER_WARNING',
    label: { zh: '经提醒后仍重复出错', en: 'Repeated the error after a warning' },
    source: 'local rules, not confirmed ⚠',
    unconfirmed: true,
  },
  {
    id: 'REFUSED_TO_RECTIFY',
    label: { zh: '拒不纠错整改', en: 'Refused to rectify' },
    source: 'local rules, not confirmed ⚠',
    unconfirmed: true,
  },
];

/**
 * The entries of `list` named by `ids`, in the list's order, each once.
 * Refuses ids the list does not hold: an assessment can only cite the negative list it was made under.
 */
export function applicableExclusions(ids: readonly string[], list: readonly ExclusionEntry[]): ExclusionEntry[] {
  const unknown = ids.filter((id) => !list.some((entry) => entry.id === id));
  if (unknown.length > 0) {
    throw invalidInput([{ field: 'exclusionIds', message: `not on the negative list: ${unknown.join(', ')}` }]);
  }
  return list.filter((entry) => ids.includes(entry.id));
}

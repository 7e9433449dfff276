import { DEMO_ORG_UNITS } from '@dandang/persistence';

/** A valid clue registration body; override what a test is about. */
export function aClue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '某街道办对群众反映的噪音问题长期不作为',
    summary: '居民多次反映夜间施工噪音，街道办半年未处理。',
    channel: 'PUBLIC',
    intakeMethod: 'LETTER',
    subject: { name: '张三', position: '街道办事处主任', orgUnitId: DEMO_ORG_UNITS.districtA.id },
    reporter: { name: '李四', contact: '13800000000' },
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...overrides,
  };
}

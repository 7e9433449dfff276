import type { Label } from './labels';

/** Where a case stands. Identifiers follow docs/domain.md stages 1–4. */
export const STAGES = [
  'INTAKE',
  'DISPOSITION',
  'INQUIRY',
  'VERIFICATION',
  'INVESTIGATION',
  'TRIAL',
  'DELIBERATION',
  'DECIDED',
  'SERVED',
  'SHELVED',
  'CLOSED',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, Label> = {
  INTAKE: { zh: '线索受理', en: 'Intake' },
  DISPOSITION: { zh: '线索处置', en: 'Disposition' },
  INQUIRY: { zh: '谈话函询', en: 'Talk or letter inquiry' },
  VERIFICATION: { zh: '初步核实', en: 'Preliminary verification' },
  INVESTIGATION: { zh: '立案审查调查', en: 'Investigation' },
  TRIAL: { zh: '审理', en: 'Trial review' },
  DELIBERATION: { zh: '集体研究决定', en: 'Collective decision' },
  DECIDED: { zh: '已作出决定', en: 'Decided' },
  SERVED: { zh: '已送达', en: 'Decision served' },
  SHELVED: { zh: '暂存待查', en: 'Shelved pending' },
  CLOSED: { zh: '已了结', en: 'Closed' },
};

/** Stages in which the case is no longer worked on. */
export const CLOSED_STAGES: readonly Stage[] = ['CLOSED'];

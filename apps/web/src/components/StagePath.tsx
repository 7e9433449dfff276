import { Steps } from 'antd';
import type { CaseProcedure, Stage } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { stageLabel } from '../labels';

/** Where a case usually goes next from each stage (the main line of docs/domain.md stages 1–4). */
const USUAL_NEXT: Partial<Record<Stage, Stage>> = {
  INTAKE: 'DISPOSITION',
  DISPOSITION: 'VERIFICATION',
  VERIFICATION: 'INVESTIGATION',
  INVESTIGATION: 'DECIDED',
  TRIAL: 'DELIBERATION',
  DELIBERATION: 'DECIDED',
  DECIDED: 'SERVED',
  INQUIRY: 'CLOSED',
};

/** What follows the investigation: 审理 (a discipline case, or a case that has had one), then the collective decision. */
function afterInvestigation(procedure: CaseProcedure | null, trial: boolean): Stage {
  if (trial || procedure === 'DISCIPLINE') return 'TRIAL';
  return procedure ? 'DELIBERATION' : 'DECIDED';
}

/**
 * The stages a case went through (from its timeline), then the usual path ahead of where it stands. A case with a
 * procedure goes through the collective decision (集体研究决定), and through 审理 when it has or had one.
 */
export function stagePath(visited: readonly Stage[], current: Stage, procedure: CaseProcedure | null = null, trial = false): Stage[] {
  const path: Stage[] = [];
  for (const s of [...visited, current]) if (!path.includes(s)) path.push(s);
  const next = (stage: Stage) => (stage === 'INVESTIGATION' ? afterInvestigation(procedure, trial) : USUAL_NEXT[stage]);
  for (let s = next(current); s && !path.includes(s); s = next(s)) path.push(s);
  return path;
}

export function StagePath({
  visited,
  current,
  procedure = null,
  trial = false,
}: {
  visited: readonly Stage[];
  current: Stage;
  procedure?: CaseProcedure | null;
  /** The case has or had 审理. */
  trial?: boolean;
}) {
  const { l } = useLocale();
  const path = stagePath(visited, current, procedure, trial);
  const at = path.indexOf(current);
  const done = current === 'SERVED' || current === 'CLOSED';
  return (
    <Steps
      size="small"
      current={at}
      status={done ? 'finish' : 'process'}
      items={path.map((stage) => ({ title: l(stageLabel(stage, procedure)), key: stage }))}
      aria-label="stage path"
    />
  );
}

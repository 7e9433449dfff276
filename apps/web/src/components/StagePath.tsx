import { Steps } from 'antd';
import { STAGE_LABELS, type Stage } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';

/** Where a case usually goes next from each stage (the main line of docs/domain.md stages 1–4). */
const USUAL_NEXT: Partial<Record<Stage, Stage>> = {
  INTAKE: 'DISPOSITION',
  DISPOSITION: 'VERIFICATION',
  VERIFICATION: 'INVESTIGATION',
  INVESTIGATION: 'DECIDED',
  DECIDED: 'SERVED',
  INQUIRY: 'CLOSED',
};

/** The stages a case went through (from its timeline), then the usual path ahead of where it stands. */
export function stagePath(visited: readonly Stage[], current: Stage): Stage[] {
  const path: Stage[] = [];
  for (const s of [...visited, current]) if (!path.includes(s)) path.push(s);
  for (let next = USUAL_NEXT[current]; next && !path.includes(next); next = USUAL_NEXT[next]) path.push(next);
  return path;
}

export function StagePath({ visited, current }: { visited: readonly Stage[]; current: Stage }) {
  const { l } = useLocale();
  const path = stagePath(visited, current);
  const at = path.indexOf(current);
  const done = current === 'SERVED' || current === 'CLOSED';
  return (
    <Steps
      size="small"
      current={at}
      status={done ? 'finish' : 'process'}
      items={path.map((stage) => ({ title: l(STAGE_LABELS[stage]), key: stage }))}
      aria-label="stage path"
    />
  );
}

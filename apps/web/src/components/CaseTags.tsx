import { Tag } from 'antd';
import { STAGE_LABELS, SUPERVISION_CHANNELS, type Stage, type SupervisionChannel } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';

const STAGE_COLORS: Record<Stage, string> = {
  INTAKE: 'default',
  DISPOSITION: 'processing',
  INQUIRY: 'cyan',
  VERIFICATION: 'geekblue',
  INVESTIGATION: 'purple',
  DECIDED: 'orange',
  SERVED: 'success',
  SHELVED: 'warning',
  CLOSED: 'default',
};

export function StageTag({ stage }: { stage: Stage }) {
  const { l } = useLocale();
  return (
    <Tag color={STAGE_COLORS[stage]} data-stage={stage}>
      {l(STAGE_LABELS[stage])}
    </Tag>
  );
}

export function ChannelText({ channel }: { channel: SupervisionChannel }) {
  const { l } = useLocale();
  return <>{l(SUPERVISION_CHANNELS[channel])}</>;
}

/**
 * Due date and yellow/red card of a case. The timers issue adds deadlines to the API; until then there
 * is nothing to show, and this is the one place that will render them.
 */
export function DeadlineCell({ caseId }: { caseId: string }) {
  return <span data-deadline-for={caseId}>—</span>;
}

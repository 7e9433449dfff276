import { Timeline, Typography } from 'antd';
import { ACTION_SPECS, ROLE_LABELS, STAGE_LABELS } from '@dandang/contracts';
import type { TimelineEntry } from '../api/types';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/** Who did what, when and why, oldest first. */
export function TimelineView({ entries }: { entries: TimelineEntry[] }) {
  const { l } = useLocale();
  return (
    <Timeline
      items={entries.map((e) => ({
        key: e.version,
        content: (
          <div data-timeline-action={e.action}>
            <Typography.Text strong>{e.action === 'registerClue' ? l(e.actionLabel) : l(ACTION_SPECS[e.action].label)}</Typography.Text>
            {' · '}
            {e.actor.name}（{l(ROLE_LABELS[e.actor.role])}）
            <Typography.Text type="secondary"> · {formatTime(e.occurredAt)}</Typography.Text>
            <div>
              {e.fromStage && e.fromStage !== e.toStage ? `${l(STAGE_LABELS[e.fromStage])} → ` : ''}
              {l(STAGE_LABELS[e.toStage])}
            </div>
            {e.reason && <Typography.Paragraph style={{ margin: 0 }}>“{e.reason}”</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

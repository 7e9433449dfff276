import { Tag, Timeline, Typography } from 'antd';
import { ACTION_SPECS, ROLE_LABELS, RUNG_LABELS, isActionName, type CaseProcedure, type RungKind, type Stage } from '@dandang/contracts';
import type { TimelineEntry } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { stageLabel } from '../labels';

const RUNG_COLORS: Record<RungKind, string> = { REMINDER: 'blue', YELLOW_CARD: 'gold', RED_CARD: 'red', ESCALATION: 'magenta' };

/** `REMINDER@0.5` → REMINDER at 50 %; `YELLOW_CARD` → YELLOW_CARD. */
function parseRung(rung: unknown): { kind: RungKind; at?: number } | null {
  if (typeof rung !== 'string') return null;
  const [kind, at] = rung.split('@');
  return kind in RUNG_LABELS ? { kind: kind as RungKind, ...(at ? { at: Number(at) } : {}) } : null;
}

/** Who did what, when and why, oldest first; the clock's rungs (actor SYSTEM) as coloured entries. */
export function TimelineView({ entries, procedure }: { entries: TimelineEntry[]; procedure?: CaseProcedure | null }) {
  const { t, l } = useLocale();
  return (
    <Timeline
      items={entries.map((e) => {
        const rung = e.action === 'deadlineRung' ? parseRung(e.payload.rung ?? e.payload.kind) : null;
        const title = rung
          ? l(RUNG_LABELS[rung.kind])
          : isActionName(e.action)
            ? l(ACTION_SPECS[e.action].label)
            : l(e.actionLabel) || e.action;
        const role = e.actor.role === 'SYSTEM' ? t('system') : l(ROLE_LABELS[e.actor.role]);
        const from = e.fromStage && stageLabel(e.fromStage as Stage, procedure);
        const to = stageLabel(e.toStage as Stage, procedure);
        return {
          key: `${e.stream ?? 'case'}-${e.version}`,
          color: rung ? RUNG_COLORS[rung.kind] : e.actor.role === 'SYSTEM' ? 'gray' : undefined,
          content: (
            <div data-timeline-action={e.action} data-rung={rung?.kind}>
              {rung ? (
                <Tag color={RUNG_COLORS[rung.kind]}>
                  {title}
                  {rung.at !== undefined ? ` ${Math.round(rung.at * 100)}%` : ''}
                </Tag>
              ) : (
                <Typography.Text strong>{title}</Typography.Text>
              )}
              {e.stream && e.stream !== 'case' && <Tag>{e.stream}</Tag>}
              {' · '}
              {e.actor.role === 'SYSTEM' ? role : `${e.actor.name}（${role}）`}
              <Typography.Text type="secondary"> · {formatTime(e.occurredAt)}</Typography.Text>
              {rung && typeof e.payload.scheduledAt === 'string' && (
                <Typography.Text type="secondary">
                  {' '}
                  （{t('scheduledAt')} {formatTime(e.payload.scheduledAt)}）
                </Typography.Text>
              )}
              {!rung && (
                <div>
                  {from && e.fromStage !== e.toStage ? `${l(from)} → ` : ''}
                  {to ? l(to) : e.toStage}
                </div>
              )}
              {e.reason && <Typography.Paragraph style={{ margin: 0 }}>“{e.reason}”</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}

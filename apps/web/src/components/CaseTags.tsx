import { Alert, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CARD_LABELS,
  STAGE_LABELS,
  SUPERVISION_CHANNELS,
  type CardColour,
  type CaseDeadline,
  type CaseProcedure,
  type Label,
  type PolicyDuration,
  type Stage,
  type SupervisionChannel,
} from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { stageLabel } from '../labels';

const STAGE_COLORS: Record<Stage, string> = {
  INTAKE: 'default',
  DISPOSITION: 'processing',
  INQUIRY: 'cyan',
  VERIFICATION: 'geekblue',
  INVESTIGATION: 'purple',
  TRIAL: 'magenta',
  DELIBERATION: 'volcano',
  DECIDED: 'orange',
  SERVED: 'success',
  SHELVED: 'warning',
  CLOSED: 'default',
};

/** A stage as a tag: its name as the case has it (`stageLabel`, which follows the procedure) when given. */
export function StageTag({ stage, label }: { stage: Stage; label?: Label }) {
  const { l } = useLocale();
  return (
    <Tag color={STAGE_COLORS[stage]} data-stage={stage}>
      {l(label ?? STAGE_LABELS[stage])}
    </Tag>
  );
}

export function ChannelText({ channel }: { channel?: SupervisionChannel }) {
  const { l } = useLocale();
  return <>{channel ? l(SUPERVISION_CHANNELS[channel]) : null}</>;
}

const CARD_COLORS: Record<CardColour, string> = { NONE: 'green', YELLOW: 'gold', RED: 'red' };

export function CardTag({ card }: { card: CardColour }) {
  const { l } = useLocale();
  return (
    <Tag color={CARD_COLORS[card]} data-card={card}>
      {l(CARD_LABELS[card])}
    </Tag>
  );
}

const UNIT_KEYS = { WORKING_DAY: 'unitWorkingDay', CALENDAR_DAY: 'unitCalendarDay', MONTH: 'unitMonth', SECOND: 'unitSecond' } as const;

/** `15 个工作日`, `3 months`, `600 s`. */
export function DurationText({ d }: { d: PolicyDuration }) {
  const { t } = useLocale();
  return <>{t(UNIT_KEYS[d.unit], { n: String(d.amount) })}</>;
}

/**
 * Due date and yellow/red card of a case: from a case summary (`dueAt`, `card`, `supervised`), or the whole
 * stage clock of a case detail (`deadline`): suspension (中止), extensions, the calendar version, and a warning
 * when the deadline was computed without a published holiday schedule (weekends only).
 */
export function DeadlineCell({
  caseId,
  dueAt,
  card,
  supervised,
  deadline,
  procedure,
}: {
  caseId: string;
  dueAt?: string | null;
  card?: CardColour;
  supervised?: boolean;
  deadline?: CaseDeadline | null;
  /** The case's procedure, whose words name the stage (问责调查). */
  procedure?: CaseProcedure | null;
}) {
  const { t, l } = useLocale();
  const due = deadline ? deadline.dueAt : dueAt;
  const colour = deadline?.card ?? card ?? 'NONE';
  const escalated = deadline?.supervised ?? supervised ?? false;
  const suspension = deadline?.suspension;
  if (!due && !suspension) {
    return (
      <span data-deadline-for={caseId} data-card="NONE">
        —
      </span>
    );
  }
  const overdue = !suspension && !!due && Date.parse(due) < Date.now();
  return (
    <span data-deadline-for={caseId} data-card={colour} data-supervised={escalated} data-suspended={!!suspension}>
      <Space size={[4, 4]} wrap>
        {suspension ? (
          <Tooltip title={`${t('suspendedSince', { at: formatTime(suspension.since) })}：${suspension.reason}`}>
            <Tag color="default" data-suspension>
              {t('clockSuspended')}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type={overdue ? 'danger' : undefined} data-due-at={due}>
            {formatTime(due)}
          </Typography.Text>
        )}
        {colour !== 'NONE' && <CardTag card={colour} />}
        {escalated && (
          <Tooltip title={t('supervisedHint')}>
            <Tag color="magenta" data-supervised-tag>
              {t('supervised')}
            </Tag>
          </Tooltip>
        )}
        {deadline && deadline.unpublishedYears.length > 0 && (
          <Tooltip title={t('unpublishedYearsHint', { years: deadline.unpublishedYears.join('、') })}>
            <Tag color="warning" data-unpublished-years={deadline.unpublishedYears.join(',')}>
              ⚠ {t('unpublishedYears', { years: deadline.unpublishedYears.join('、') })}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {deadline && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l(stageLabel(deadline.stage, procedure))} · {t('limit')} <DurationText d={deadline.limit} />
            {suspension && (
              <>
                {' '}
                · {t('remaining')} <DurationText d={suspension.remaining} />
              </>
            )}
            {deadline.extensions.length > 0 && (
              <>
                {' '}
                · {t('extendedBy')} {deadline.extensions.map((e) => e.amount).join(' + ')}
              </>
            )}{' '}
            · {t('calendarVersion')} {deadline.calendarVersion}
          </Typography.Text>
        </div>
      )}
    </span>
  );
}

/** The warning a case shows when its deadline crossed a year without a published holiday schedule. */
export function UnpublishedYearsWarning({ deadline }: { deadline: CaseDeadline | null }) {
  const { t } = useLocale();
  if (!deadline || deadline.unpublishedYears.length === 0) return null;
  const years = deadline.unpublishedYears.join('、');
  return <Alert type="warning" showIcon role="alert" title={t('unpublishedYears', { years })} description={t('unpublishedYearsHint', { years })} style={{ marginBottom: 16 }} data-testid="unpublished-years" />;
}

import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { CARD_LABELS, CLOSURE_KINDS, INTAKE_METHODS, STAGE_LABELS, SUPERVISION_CHANNELS, type CaseDetail, type Label, type TimelineEntry } from '@dandang/contracts';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncView, useAsync } from '../components/async';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import '../print.css';

/**
 * 打印视图: a case and its timeline laid out for paper (print.css hides the app's frame), from the same answers as the
 * case page, so a print shows no more than the viewer's screen; the foot of each page names the case, who printed it
 * and when.
 */
export function CasePrintPage() {
  const { id = '' } = useParams();
  const state = useAsync(
    async (signal) => {
      const [detail, timeline] = await Promise.all([api<CaseDetail>(`/cases/${id}`, { signal }), api<TimelineEntry[]>(`/cases/${id}/timeline`, { signal })]);
      return { detail, timeline };
    },
    [id],
  );
  return <AsyncView state={state}>{(d) => <Printable detail={d.detail} timeline={d.timeline} />}</AsyncView>;
}

function Printable({ detail, timeline }: { detail: CaseDetail; timeline: TimelineEntry[] }) {
  const { t, l } = useLocale();
  const { user } = useSession();
  const printedAt = formatTime(new Date().toISOString());
  const lab = (label: Label | undefined) => (label ? l(label) : '');
  const rows: [string, string][] = [[t('stage'), lab(STAGE_LABELS[detail.stage])]];
  // Only what the viewer's answer holds: an auditor's has no title, official, channel or summary.
  if (detail.title) rows.push([t('title'), detail.title]);
  if (detail.subject) rows.push([t('subject'), `${detail.subject.name}（${detail.subject.position}）`]);
  if (detail.channel) rows.push([t('channel'), lab(SUPERVISION_CHANNELS[detail.channel])]);
  if (detail.intakeMethod) rows.push([t('intakeMethod'), lab(INTAKE_METHODS[detail.intakeMethod])]);
  if (detail.summary) rows.push([t('summary'), detail.summary]);
  if ('registeredAt' in detail) rows.push([t('registeredAt'), formatTime(detail.registeredAt)]);
  if ('deadline' in detail && detail.deadline) rows.push([t('deadline'), `${formatTime(detail.deadline.dueAt)} ${lab(CARD_LABELS[detail.deadline.card])}`]);
  if (detail.closure) rows.push([t('closure'), `${lab(CLOSURE_KINDS[detail.closure.kind])} · ${formatTime(detail.closure.at)}`]);
  const footer = t('printedBy', { number: detail.number, name: user?.displayName ?? '', time: printedAt });
  return (
    <div className="case-print" data-testid="case-print">
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Link to={`/cases/${detail.id}`}>← {t('backToCase')}</Link>
        <Button type="primary" onClick={() => window.print()}>
          {t('print')}
        </Button>
      </Space>
      <h1>{detail.number}</h1>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th style={{ width: '25%' }}>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('timeline')}</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '20%' }}>{t('printTime')}</th>
            <th style={{ width: '22%' }}>{t('printAction')}</th>
            <th style={{ width: '18%' }}>{t('printActor')}</th>
            <th>{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((e) => (
            <tr key={`${e.stream}-${e.version}`}>
              <td>{formatTime(e.occurredAt)}</td>
              <td>
                {e.actionLabel ? l(e.actionLabel) : e.action}
                {e.toStageLabel && e.fromStage !== e.toStage ? ` → ${l(e.toStageLabel)}` : ''}
              </td>
              <td>{e.actor.name || e.actor.role}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="case-print-footer" data-testid="print-footer">
        {footer}
      </div>
    </div>
  );
}

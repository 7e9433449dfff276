import { STAGES, SUPERVISION_CHANNELS, enumValues, type Stage, type SupervisionChannel } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import type { CaseList } from '../api/types';

/** What the dashboard draws, whichever source it came from. */
export interface DashboardData {
  source: 'dashboard' | 'cases';
  byStage: Record<Stage, number>;
  byChannel?: Record<SupervisionChannel, number>;
  /** From GET /api/dashboard only: open cases, overdue and cards per org unit. */
  byOrgUnit?: { orgUnitId: string; name: string; count: number; overdue: number; yellow: number; red: number }[];
}

/**
 * GET /api/dashboard when the API has it (the timers issue adds it, with overdue and cards by org unit and
 * days per stage); until then the counts come from GET /api/cases totals, one filtered request per value.
 */
export async function loadDashboard(signal: AbortSignal): Promise<DashboardData> {
  try {
    return fromDashboard(await api<unknown>('/dashboard', { signal }));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
  }
  const total = (filter: string) => api<CaseList>(`/cases?${filter}&pageSize=1`, { signal }).then((r) => r.total);
  const channels = enumValues(SUPERVISION_CHANNELS);
  const [stageCounts, channelCounts] = await Promise.all([
    Promise.all(STAGES.map((s) => total(`stage=${s}`))),
    Promise.all(channels.map((c) => total(`channel=${c}`))),
  ]);
  return {
    source: 'cases',
    byStage: Object.fromEntries(STAGES.map((s, i) => [s, stageCounts[i]])) as Record<Stage, number>,
    byChannel: Object.fromEntries(channels.map((c, i) => [c, channelCounts[i]])) as Record<SupervisionChannel, number>,
  };
}

/** Accepts `byStage` as a map or as `[{ stage, count }]`, so the page does not care which the endpoint picks. */
function fromDashboard(body: unknown): DashboardData {
  const b = (body ?? {}) as { byStage?: unknown; byChannel?: unknown; byOrgUnit?: DashboardData['byOrgUnit'] };
  return {
    source: 'dashboard',
    byStage: counts(b.byStage, STAGES, 'stage'),
    ...(b.byChannel ? { byChannel: counts(b.byChannel, enumValues(SUPERVISION_CHANNELS), 'channel') } : {}),
    ...(Array.isArray(b.byOrgUnit) ? { byOrgUnit: b.byOrgUnit } : {}),
  };
}

function counts<K extends string>(raw: unknown, keys: readonly K[], keyField: string): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (Array.isArray(raw)) {
    for (const row of raw as Record<string, unknown>[]) {
      const k = row[keyField] as K;
      if (k in out) out[k] = Number(row.count ?? 0);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (k in out) out[k as K] = Number(v);
  }
  return out;
}

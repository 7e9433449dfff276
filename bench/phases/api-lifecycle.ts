import autocannon from 'autocannon';
import { SERVED_LIFECYCLE, aClue } from '@dandang/testing';
import { summarize, type Summary } from '../lib/stats';

export { aClue };

export type BenchUser = 'intake1' | 'officer1' | 'supervisor1' | 'supervisor2' | 'admin1';

/** Registration, then the lifecycle the tests drive (libs/testing): thirteen Updates to a served decision. */
export const LIFECYCLE: { action: string; user: BenchUser; body: () => Record<string, unknown> }[] = [
  { action: 'register', user: 'intake1', body: () => aClue() },
  ...(SERVED_LIFECYCLE as { action: string; user: BenchUser; body: () => Record<string, unknown> }[]),
];

/** Step labels that tell the three approvals apart. */
export const STEP_LABELS = LIFECYCLE.map((s, i) => (s.action === 'approve' ? `approve#${LIFECYCLE.slice(0, i + 1).filter((x) => x.action === 'approve').length} (${s.user})` : s.action));


export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface ApiRound {
  concurrency: number;
  casesStarted: number;
  casesCompleted: number;
  actions: number;
  failedRequests: number;
  failureSamples: string[];
  seconds: number;
  casesPerSecond: number;
  actionsPerSecond: number;
  /** Every action, all thirteen steps together. */
  actionLatencyMs: Summary;
  /** The actions officer1 takes (disposition, verification, evidence, the facts shown, the statement, the report, service). */
  officerActionLatencyMs: Summary;
  perStepLatencyMs: Record<string, Summary>;
}

interface LifecycleContext {
  id?: string;
  failed?: boolean;
}

/**
 * `concurrency` autocannon connections, each driving `perConnection` whole lifecycles one request after another
 * (a request sequence of thirteen, with the case id carried in the connection's context). A refused step abandons
 * that case: the remaining steps are skipped and the connection starts a new one.
 */
export async function runLifecycles(baseUrl: string, tokens: Record<BenchUser, string>, concurrency: number, perConnection: number): Promise<ApiRound> {
  const perStep: number[][] = LIFECYCLE.map(() => []);
  const failureSamples: string[] = [];
  let lastStep = -1;
  let lastOk = false;
  let casesStarted = 0;
  let casesCompleted = 0;
  let failedRequests = 0;

  const requests: autocannon.Request[] = LIFECYCLE.map((step, index) => ({
    method: 'POST',
    path: index === 0 ? '/api/cases' : `/api/cases/[id]/actions/${step.action}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[step.user]}` },
    setupRequest: (req: autocannon.Request, raw: object) => {
      const context = raw as LifecycleContext;
      if (index > 0 && (context.failed || !context.id)) return undefined as unknown as autocannon.Request; // abandon this case
      return {
        ...req,
        path: index === 0 ? '/api/cases' : `/api/cases/${context.id}/actions/${step.action}`,
        body: JSON.stringify(step.body()),
      };
    },
    onResponse: (status: number, body: string, raw: object) => {
      const context = raw as LifecycleContext;
      lastStep = index;
      lastOk = status === 200 || status === 201;
      if (index === 0) casesStarted++;
      if (!lastOk) {
        context.failed = true;
        failedRequests++;
        if (failureSamples.length < 5) failureSamples.push(`${STEP_LABELS[index]}: ${status} ${body.slice(0, 300)}`);
        return;
      }
      if (index === 0) context.id = (JSON.parse(body) as { id: string }).id;
      if (index === LIFECYCLE.length - 1) casesCompleted++;
    },
  }));

  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: concurrency,
        pipelining: 1,
        maxConnectionRequests: perConnection * LIFECYCLE.length,
        duration: 900,
        timeout: 30,
        requests,
        initialContext: {},
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // onResponse (above) runs just before this event, for the same response: it names the step.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (lastOk && lastStep >= 0) perStep[lastStep].push(responseTime);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const actions = perStep.reduce((s, l) => s + l.length, 0);
  const officer = LIFECYCLE.flatMap((s, i) => (s.user === 'officer1' ? perStep[i] : []));
  const round: ApiRound = {
    concurrency,
    casesStarted,
    casesCompleted,
    actions,
    failedRequests: failedRequests + result.errors + result.timeouts,
    failureSamples,
    seconds: Math.round(seconds * 100) / 100,
    casesPerSecond: Math.round((casesCompleted / seconds) * 100) / 100,
    actionsPerSecond: Math.round((actions / seconds) * 10) / 10,
    actionLatencyMs: summarize(perStep.flat()),
    officerActionLatencyMs: summarize(officer),
    perStepLatencyMs: Object.fromEntries(STEP_LABELS.map((label, i) => [label, summarize(perStep[i])])),
  };
  console.log(
    `[bench] API c=${concurrency}: ${round.casesCompleted} cases, ${round.actionsPerSecond} actions/s, p99 ${round.actionLatencyMs.p99} ms (officer p99 ${round.officerActionLatencyMs.p99} ms), ${round.failedRequests} failed`,
  );
  return round;
}

import type { ApiHarness, DemoUserName } from './api-harness';

/** What the drivers need of an API: the in-process harness, or one API process over HTTP (test/support/cluster-lab.ts). */
export type HttpDriver = Pick<ApiHarness, 'http' | 'token'>;

/** POST /api/cases/:id/actions/:action as `user`; returns the supertest response. */
export async function act(
  h: HttpDriver,
  user: DemoUserName,
  caseId: string,
  action: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return h.http
    .post(`/api/cases/${caseId}/actions/${action}`)
    .set('Authorization', `Bearer ${await h.token(user)}`)
    .set(headers)
    .send(body);
}

export async function get(h: HttpDriver, user: DemoUserName, path: string) {
  return h.http.get(path).set('Authorization', `Bearer ${await h.token(user)}`);
}

export async function register(h: HttpDriver, user: DemoUserName, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return h.http.post('/api/cases').set('Authorization', `Bearer ${await h.token(user)}`).set(headers).send(body);
}

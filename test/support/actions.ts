import type { ApiHarness, DemoUserName } from './api-harness';

/** POST /api/cases/:id/actions/:action as `user`; returns the supertest response. */
export async function act(
  h: ApiHarness,
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

export async function get(h: ApiHarness, user: DemoUserName, path: string) {
  return h.http.get(path).set('Authorization', `Bearer ${await h.token(user)}`);
}

export async function register(h: ApiHarness, user: DemoUserName, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return h.http.post('/api/cases').set('Authorization', `Bearer ${await h.token(user)}`).set(headers).send(body);
}

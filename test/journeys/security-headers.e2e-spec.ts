import { startApiHarness, type ApiHarness } from '../support/api-harness';

/** Every answer carries the browser's protections; API answers are never cached; production has no Swagger UI. */
describe('security headers', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('on every API answer, signed in or not: a CSP without inline scripts that no frame may embed, nosniff, no X-Powered-By, no-store', async () => {
    for (const path of ['/api/health', '/api/cases', '/api/no-such-route']) {
      const answer = await h.http.get(path);
      const directives = String(answer.headers['content-security-policy']).split(';').map((d) => d.trim());
      expect(directives).toContain("frame-ancestors 'none'");
      expect(directives).toContain("script-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-powered-by']).toBeUndefined();
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves the OpenAPI document and Swagger UI outside production', async () => {
    expect((await h.http.get('/api/docs-json')).status).toBe(200);
    expect((await h.http.get('/api/docs')).status).toBe(200);
  });
});

describe('security headers in production', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ env: { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-more-than-32-characters' } });
  });
  afterAll(() => h.close());

  it('has no Swagger UI nor OpenAPI document to hand out', async () => {
    expect((await h.http.get('/api/docs')).status).toBe(404);
    expect((await h.http.get('/api/docs-json')).status).toBe(404);
    expect((await h.http.get('/api/health')).headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

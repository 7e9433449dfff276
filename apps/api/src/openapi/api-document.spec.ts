import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import type { OpenAPIObject, OperationObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ACTION_SPECS, REVIEW_ACTION_NAMES, REVIEW_ACTION_SPECS, type ActionName, type ReviewActionName } from '@dandang/contracts';
import { loadConfig } from '@dandang/config';
import { describeApi } from '../create-api-app';
import { GENERIC_ACTION_NAMES, GENERIC_ACTION_PATH, actionBodyName, actionPath } from './action-operations';

// Documents' actions go through their own routes (apps/api/src/documents), not the generic one.
const ACTION_NAMES = GENERIC_ACTION_NAMES;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Content = { content: Record<string, { schema: SchemaObject & ReferenceObject }> };

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  const operations: { path: string; method: string; op: OperationObject }[] = [];

  beforeAll(async () => {
    // Never connected to: the document is built in Nest's preview mode.
    document = await describeApi(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', TEMPORAL_ADDRESS: '127.0.0.1:1', MASTER_KEYS: masterKeysText(newMasterKeys()), DANDANG_EMBEDDED_DATABASE: '1' }));
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) if (item[method]) operations.push({ path, method, op: item[method]! });
    }
  });

  it('lists the routes of every feature', () => {
    const routes = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/auth/password',
        'POST /api/auth/logout',
        'POST /api/admin/users/{id}/revoke-sessions',
        'GET /api/audit/security-events',
        'GET /api/audit/security-events/verify',
        'GET /api/health',
        'POST /api/cases',
        'GET /api/cases',
        'GET /api/cases/{id}',
        'GET /api/cases/{id}/timeline',
        'GET /api/cases/{id}/fault-tolerance',
        'GET /api/tasks',
        'GET /api/audit/verify',
        'GET /api/dashboard',
        'GET /api/cases/export',
        'GET /api/dashboard/export',
        'GET /api/cases/{id}/audit/export',
        'GET /api/reports/statistics',
        'GET /api/reports/statistics/export',
        'GET /api/org-units',
        'GET /api/users',
        'GET /api/notifications',
        'POST /api/notifications/{id}/read',
        'GET /api/admin/policies',
        'POST /api/admin/policies',
        'GET /api/admin/calendars',
        'POST /api/admin/calendars',
        'GET /api/reassignments/holders',
        'GET /api/reassignments/open-cases',
        'POST /api/reassignments',
        'GET /api/reassignments/{id}',
        'GET /api/admin/org-units',
        'POST /api/admin/org-units',
        'POST /api/admin/org-units/{id}/rename',
        'POST /api/admin/org-units/{id}/move',
        'POST /api/admin/org-units/{id}/retire',
        'GET /api/admin/users',
        'POST /api/admin/users',
        'GET /api/admin/users/{id}',
        'POST /api/admin/users/{id}/roles',
        'POST /api/admin/users/{id}/unit',
        'POST /api/admin/users/{id}/deactivate',
        'POST /api/admin/users/{id}/reactivate',
        'POST /api/admin/users/{id}/reset-password',
        'POST /api/admin/import',
        'GET /api/admin/import/template',
      ]),
    );
    // The route every action goes through, and each action on its own.
    expect(routes.filter((r) => r.includes('/actions/'))).toHaveLength(1 + ACTION_NAMES.length + REVIEW_ACTION_NAMES.length);
    const generic = document.paths[GENERIC_ACTION_PATH].post!;
    const action = generic.parameters?.find((p) => 'name' in p && p.name === 'action') as { schema: SchemaObject };
    expect(action.schema.enum).toEqual([...ACTION_NAMES, ...REVIEW_ACTION_NAMES]);
    expect((generic.requestBody as Content).content['application/json'].schema.anyOf).toHaveLength(ACTION_NAMES.length + REVIEW_ACTION_NAMES.length);
  });

  it('gives every operation one success answer with a schema (none for a 204) and the error shape', () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      if (success.length !== 1) problems.push(`${where}: success answers ${success.join(', ') || 'none'}`);
      for (const status of success) {
        const answer = op.responses[status] as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> };
        // A file's answer (a template, an export) is described by its own media type's schema.
        const schema = answer.content?.['application/json']?.schema ?? Object.values(answer.content ?? {})[0]?.schema;
        if (status === '204' ? answer.content : !schema) problems.push(`${where}: ${status} ${status === '204' ? 'has a body' : 'has no schema'}`);
      }
      const refusal = op.responses.default as { content?: Record<string, { schema?: ReferenceObject }> } | undefined;
      if (refusal?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse') problems.push(`${where}: no error answer`);
    }
    expect(problems).toEqual([]);
  });

  it('resolves every schema reference', () => {
    const schemas = document.components?.schemas ?? {};
    const missing = refsIn(document).filter((ref) => !(ref.replace('#/components/schemas/', '') in schemas));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('describes the answers by the schemas generated from their TypeScript types', () => {
    const answer = (path: string, method: 'get' | 'post', status = '200') =>
      (document.paths[path][method]!.responses[status] as { content: Record<string, { schema: SchemaObject }> }).content['application/json'].schema;
    // The list's schema is CaseList's own, with the limit its total stops at.
    expect(answer('/api/cases', 'get')).toMatchObject({ required: expect.arrayContaining(['items', 'totalCapped']), properties: { total: { maximum: expect.any(Number) } } });
    expect(answer('/api/cases', 'post', '201')).toEqual({ $ref: '#/components/schemas/CaseView' });
    expect(answer('/api/cases/{id}/timeline', 'get')).toEqual({ type: 'array', items: { $ref: '#/components/schemas/TimelineEntry' } });
    expect(answer('/api/dashboard', 'get')).toEqual({ $ref: '#/components/schemas/DashboardResponse' });
    const caseList = document.components!.schemas!.CaseList as SchemaObject;
    expect(caseList.required).toEqual(expect.arrayContaining(['items', 'total', 'totalCapped', 'page', 'pageSize']));
  });

  /** An action's body schema, through the reference its operation makes. */
  function bodyOf(action: ActionName | ReviewActionName): SchemaObject {
    const schema = (document.paths[actionPath(action)].post!.requestBody as Content).content['application/json'].schema;
    expect(schema).toEqual({ $ref: `#/components/schemas/${actionBodyName(action)}` });
    return document.components!.schemas![actionBodyName(action)] as SchemaObject;
  }

  it.each(ACTION_NAMES)('POST …/actions/%s takes its own fields, required ones named, and expectedVersion', (action) => {
    const op = document.paths[actionPath(action)].post!;
    const body = bodyOf(action);
    const spec = ACTION_SPECS[action];
    const fields = { ...spec.fields, ...spec.conditionalFields };
    expect(Object.keys(body.properties!).sort()).toEqual([...Object.keys(fields), 'expectedVersion'].sort());
    expect(body.required!.sort()).toEqual(Object.keys(spec.fields).filter((f) => spec.fields[f].required).sort());
    expect(body.additionalProperties).toBe(false);
    expect(op.parameters?.map((p) => ('name' in p ? p.name : p.$ref))).not.toContain('action');
    expect((op.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CaseDetail',
    });
  });

  it.each(REVIEW_ACTION_NAMES)('POST …/actions/%s (a review step) also takes the reviewId', (action) => {
    const body = bodyOf(action);
    const spec = REVIEW_ACTION_SPECS[action];
    expect(Object.keys(body.properties!).sort()).toEqual([...Object.keys(spec.fields), 'reviewId', 'expectedVersion'].sort());
    expect(body.required!.sort()).toEqual(['reviewId', ...Object.keys(spec.fields).filter((f) => spec.fields[f].required)].sort());
  });

  it('turns each kind of field spec into its JSON Schema', () => {
    const props = (action: ActionName | ReviewActionName) => (bodyOf(action).properties ?? {}) as Record<string, SchemaObject>;
    expect(props('transferClue').toBody).toMatchObject({ type: 'string', maxLength: 200, minLength: 1 });
    expect(props('acceptClue').note).not.toHaveProperty('minLength');
    expect(props('acceptClue').assigneeId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(props('proposeDisposition').disposition).toMatchObject({ type: 'string', enum: expect.arrayContaining(['CLOSE']) });
    expect(props('requestExtension').amount).toMatchObject({ type: 'integer', minimum: 1, maximum: 365 });
    expect(props('serveDecision').servedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(props('openCorrectionPlan').items).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/CorrectionItemInput' } });
    expect(props('submitAssessment').distinctions).toMatchObject({ $ref: '#/components/schemas/DistinctionAnswers' });
  });
});

import type { OpenAPIObject, OperationObject, PathItemObject, SchemaObject } from '@nestjs/swagger';
import {
  ACTION_NAMES,
  ACTION_SPECS,
  REVIEW_ACTION_NAMES,
  REVIEW_ACTION_SPECS,
  bilingual,
  isDocumentActionName,
  type ActionName,
  type ActionSpec,
  type FieldSpec,
  type Label,
  type ReviewActionName,
} from '@dandang/contracts';
import { schemaRef, type HttpSchemaName } from './api-answer';
import { HTTP_SCHEMAS } from './http-schemas';

/** The one route every action and review step goes through (cases.controller.ts), as the document names it. */
export const GENERIC_ACTION_PATH = '/api/cases/{id}/actions/{action}';
export const actionPath = (action: ActionName | ReviewActionName): string => GENERIC_ACTION_PATH.replace('{action}', action);

/**
 * JSON Schema of one payload field, from its spec: what the domain's checkField accepts, as far as JSON Schema says
 * it. The limits the domain keeps to itself (how many forms or correction items) are left to its refusals.
 */
export function fieldSchema(spec: FieldSpec, shape?: SchemaObject): SchemaObject {
  const described = (schema: SchemaObject): SchemaObject => ({ ...schema, description: bilingual(spec.label) });
  switch (spec.type) {
    case 'text':
      // A required text must hold more than white space.
      return described({ type: 'string', maxLength: spec.maxLength, ...(spec.required ? { minLength: 1, pattern: '\\S' } : {}) });
    case 'enum':
      return described({ type: 'string', enum: [...spec.values] });
    case 'datetime':
      return described({ type: 'string', format: 'date-time', examples: ['2026-05-01T09:30:00+08:00'] });
    case 'uuid':
      return described({ type: 'string', format: 'uuid' });
    case 'sha256':
      return described({ type: 'string', pattern: '^[0-9a-fA-F]{64}$' });
    case 'accountabilityForms':
      return described({ type: 'array', items: schemaRef('AccountabilityFormChoice') });
    case 'integer':
      return described({ type: 'integer', minimum: spec.min, maximum: spec.max });
    case 'boolean':
      return described({ type: 'boolean' });
    case 'enumList':
      return described({ type: 'array', maxItems: spec.values.length, items: { type: 'string', enum: [...spec.values] } });
    case 'correctionItems':
      return described({ type: 'array', items: schemaRef('CorrectionItemInput') });
    case 'userList':
      return described({ type: 'array', uniqueItems: true, maxItems: 20, items: { type: 'string', format: 'uuid' } });
    case 'person':
      return described({ type: 'string', pattern: '^P[0-9]{1,3}$', examples: ['P1'] });
    case 'personFindings':
      return described({ type: 'array', items: schemaRef('PersonFinding') });
    case 'collectiveVotes':
      return described({ type: 'array', items: schemaRef('CollectiveVote') });
    case 'object':
      // Shaped by a domain rule of its own; its TypeScript type says how, where one is known.
      return described(shape ?? { type: ['object', 'array'] });
  }
}

/**
 * The body of an action's request: the spec's fields (unknown ones are refused), the optional `expectedVersion`,
 * and for a review step the `reviewId` that names the review.
 */
export function actionBodySchema(
  spec: Pick<ActionSpec, 'fields' | 'conditionalFields'>,
  options: { review?: boolean; shapes?: Record<string, SchemaObject> } = {},
): SchemaObject {
  const fields = { ...spec.fields, ...spec.conditionalFields };
  const properties: Record<string, SchemaObject> = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, fieldSchema(field, options.shapes?.[name])]),
  );
  for (const name of Object.keys(spec.conditionalFields ?? {})) {
    properties[name].description = `${properties[name].description}; only where the case allows it, refused otherwise`;
  }
  const required = Object.entries(spec.fields)
    .filter(([, field]) => field.required)
    .map(([name]) => name);
  return {
    type: 'object',
    additionalProperties: false,
    required: options.review ? ['reviewId', ...required] : required,
    properties: {
      ...(options.review
        ? { reviewId: { type: 'string', description: "The review this step belongs to: a reviewId from the case's `reviews`" } }
        : {}),
      ...properties,
      expectedVersion: {
        type: 'integer',
        minimum: 1,
        description: 'Refuse (409 STALE_VERSION) unless the case, or for a review step the review, is still at this version',
      },
    },
  };
}

/** The assessment's structured fields, as FaultToleranceAssessmentAnswers types them. */
const ASSESSMENT_SHAPES = HTTP_SCHEMAS.FaultToleranceAssessmentAnswers.properties as Record<string, SchemaObject>;

/** The name of an action's body schema in `components.schemas`. */
export const actionBodyName = (action: ActionName | ReviewActionName): string => `ActionBody_${action}`;
const bodyRef = (action: ActionName | ReviewActionName) => ({ $ref: `#/components/schemas/${actionBodyName(action)}` });

function actionOperation(
  generic: OperationObject,
  action: ActionName | ReviewActionName,
  spec: { label: Label; irreversible: boolean },
  answer: HttpSchemaName,
): OperationObject {
  return {
    ...generic,
    operationId: `act_${action}`,
    summary: bilingual(spec.label),
    description: spec.irreversible ? '不可撤销 (irreversible): the web app asks for a confirmation first.' : undefined,
    parameters: (generic.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'action'),
    requestBody: { required: true, content: { 'application/json': { schema: bodyRef(action) } } },
    responses: { ...generic.responses, 200: { description: '', content: { 'application/json': { schema: schemaRef(answer) } } } },
  };
}

/**
 * One operation per action and per review step next to the generic route they all go through, each with its body
 * schema from the action's field specs (the very specs the workflow validates payloads against). The generic
 * operation names the actions and takes any of their bodies.
 */
/** The actions the generic route takes: documents are generated and served through their own routes. */
export const GENERIC_ACTION_NAMES = ACTION_NAMES.filter((a) => !isDocumentActionName(a));

export function withActionOperations(document: OpenAPIObject): OpenAPIObject {
  const generic = document.paths[GENERIC_ACTION_PATH]?.post;
  if (!generic) throw new Error(`the document has no POST ${GENERIC_ACTION_PATH}`);
  const bodies: Record<string, SchemaObject> = {};
  const paths: Record<string, PathItemObject> = {};
  for (const action of GENERIC_ACTION_NAMES) {
    bodies[actionBodyName(action)] = actionBodySchema(ACTION_SPECS[action]);
    paths[actionPath(action)] = { post: actionOperation(generic, action, ACTION_SPECS[action], 'CaseDetail') };
  }
  for (const action of REVIEW_ACTION_NAMES) {
    const shapes = action === 'submitAssessment' ? ASSESSMENT_SHAPES : undefined;
    bodies[actionBodyName(action)] = actionBodySchema(REVIEW_ACTION_SPECS[action], { review: true, shapes });
    // A review step answers with the review as its workflow holds it.
    paths[actionPath(action)] = { post: actionOperation(generic, action, REVIEW_ACTION_SPECS[action], 'ReviewState') };
  }
  const names = [...GENERIC_ACTION_NAMES, ...REVIEW_ACTION_NAMES];
  const anyAction: OperationObject = {
    ...generic,
    parameters: (generic.parameters ?? []).map((p) =>
      'name' in p && p.name === 'action'
        ? { ...p, description: 'The action or review step; each has an operation of its own too', schema: { type: 'string', enum: names } }
        : p,
    ),
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { description: 'The body of the action the path names', anyOf: names.map(bodyRef) } } },
    },
    responses: {
      ...generic.responses,
      200: {
        description: 'The case (CaseDetail) after an action; the review (ReviewState) after a review step',
        content: { 'application/json': { schema: { anyOf: [schemaRef('CaseDetail'), schemaRef('ReviewState')] } } },
      },
    },
  };
  const schemas = document.components?.schemas ?? {};
  const clash = Object.keys(bodies).filter((name) => name in schemas);
  if (clash.length) throw new Error(`OpenAPI schema names used twice: ${clash.join(', ')}`);
  return {
    ...document,
    paths: { ...document.paths, [GENERIC_ACTION_PATH]: { ...document.paths[GENERIC_ACTION_PATH], post: anyAction }, ...paths },
    components: { ...document.components, schemas: { ...schemas, ...bodies } },
  };
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject, type SchemaObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { withActionOperations } from './action-operations';
import { schemaRef } from './api-answer';
import { HTTP_SCHEMAS } from './http-schemas';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The generated schemas join the DTO classes' own; a name both use would make one of them wrong. */
function withGeneratedSchemas(document: OpenAPIObject): OpenAPIObject {
  const own = document.components?.schemas ?? {};
  const clash = Object.keys(HTTP_SCHEMAS).filter((name) => name in own);
  if (clash.length) throw new Error(`OpenAPI schema names used twice: ${clash.join(', ')}`);
  return { ...document, components: { ...document.components, schemas: { ...own, ...(HTTP_SCHEMAS as Record<string, SchemaObject>) } } };
}

/** Every refusal has the one shape the error filter gives it. */
function withErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  const refusal = {
    description: 'A refusal (4xx) or an unavailable dependency (503): the status, a stable reason code, a message, and for a 400 the fields at fault',
    content: { 'application/json': { schema: schemaRef('ErrorResponse') } },
  };
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => {
      const operations = Object.fromEntries(
        METHODS.filter((m) => item[m]).map((m) => [m, { ...item[m], responses: { ...item[m]!.responses, default: refusal } } satisfies OperationObject]),
      );
      return [path, { ...item, ...operations }];
    }),
  );
  return { ...document, paths };
}

/**
 * The OpenAPI document (served at /api/docs): the routes as Nest and the DTO classes describe them, the answers'
 * schemas generated from their TypeScript types, and one operation per action with its body from the action specs.
 * The app's global prefix must be set already.
 */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dandang (担当) API')
      .setDescription('Accountability and fault-tolerance procedures as durable, auditable workflows')
      .setVersion('0.1.0')
      // 3.1: its schemas are JSON Schema, as generated (type lists with "null", const).
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth()
      // The Temporal UI's codec calls only (session-cookie.ts).
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  return withErrorAnswers(withActionOperations(withGeneratedSchemas(document)));
}

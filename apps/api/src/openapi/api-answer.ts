import { ApiResponse, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { HTTP_SCHEMAS, type HttpSchemaName } from './http-schemas';

export type { HttpSchemaName };

export const schemaRef = (name: HttpSchemaName): { $ref: string } => ({ $ref: getSchemaPath(name) });

/** A copy of a generated schema, for a route that says more than its type (the copy's own references stay). */
export const generatedSchema = (name: HttpSchemaName): SchemaObject => structuredClone(HTTP_SCHEMAS[name]) as SchemaObject;

/** `schema` with one property's schema replaced. */
export const withProperty = (schema: SchemaObject, name: string, property: SchemaObject): SchemaObject => ({
  ...schema,
  properties: { ...schema.properties, [name]: property },
});

/**
 * A route's success answer, described by the schema generated from its TypeScript type (tools/openapi-schemas.ts).
 * `status` must be the route's own: 200, 201 for a POST without @HttpCode, or what @HttpCode says.
 */
export function ApiAnswer(
  name: HttpSchemaName,
  options: { status?: 200 | 201; list?: boolean; description?: string; schema?: SchemaObject } = {},
): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description ?? '',
    schema: options.schema ?? (options.list ? { type: 'array', items: schemaRef(name) } : schemaRef(name)),
  });
}

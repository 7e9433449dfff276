import type { SchemaObject } from '@nestjs/swagger';
import type { Payload } from '@temporalio/common';
import { invalidInput, type FieldProblem } from '@dandang/domain';

/** A payload as Temporal's remote codec protocol sends it: metadata values and data in base64. */
export interface CodecPayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}

/** `{ payloads }` in the OpenAPI document, as the protocol has it (not a contracts type: the browser app never sees it). */
export const CODEC_PAYLOADS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['payloads'],
  properties: {
    payloads: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          metadata: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
          data: { type: 'string', format: 'byte' },
        },
      },
    },
  },
};

/** The most payloads one request may carry: the UI sends those of one event or one page of events. */
export const MAX_CODEC_PAYLOADS = 1000;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `{ payloads: [...] }` as Payloads; throws INVALID_INPUT naming what is malformed. */
export function payloadsFromJson(body: unknown): Payload[] {
  const payloads = (body as { payloads?: unknown } | null)?.payloads;
  if (!Array.isArray(payloads)) throw invalidInput([{ field: 'payloads', message: 'must be an array' }]);
  if (payloads.length > MAX_CODEC_PAYLOADS) throw invalidInput([{ field: 'payloads', message: `at most ${MAX_CODEC_PAYLOADS}` }]);
  const problems: FieldProblem[] = [];
  const decoded = payloads.map((p: CodecPayloadJson, i): Payload => {
    const field = `payloads[${i}]`;
    if (typeof p !== 'object' || p === null) {
      problems.push({ field, message: 'must be an object' });
      return {};
    }
    const metadata: Record<string, Uint8Array> = {};
    for (const [key, value] of Object.entries(p.metadata ?? {})) {
      if (typeof value !== 'string' || !BASE64.test(value)) problems.push({ field: `${field}.metadata.${key}`, message: 'must be base64' });
      else metadata[key] = Buffer.from(value, 'base64');
    }
    if (p.data !== undefined && (typeof p.data !== 'string' || !BASE64.test(p.data))) problems.push({ field: `${field}.data`, message: 'must be base64' });
    return { metadata, data: Buffer.from(typeof p.data === 'string' ? p.data : '', 'base64') };
  });
  if (problems.length) throw invalidInput(problems);
  return decoded;
}

export function payloadsToJson(payloads: Payload[]): { payloads: CodecPayloadJson[] } {
  return {
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
      data: Buffer.from(p.data ?? []).toString('base64'),
    })),
  };
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldProblem } from '@dandang/domain';
import { FieldValidationException } from './validation';

/** NUL and unpaired surrogates cannot be stored by PostgreSQL (text or jsonb) nor shown to a person. */
const UNSAFE = new RegExp(String.raw`\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`);

function unsafeFields(value: unknown, path: string, problems: FieldProblem[], depth = 0): void {
  if (depth > 20 || problems.length > 20) return;
  if (typeof value === 'string') {
    if (UNSAFE.test(value)) problems.push({ field: path || 'body', message: 'must not contain NUL characters or unpaired surrogates' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeFields(v, `${path}[${i}]`, problems, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UNSAFE.test(k)) problems.push({ field: path || 'body', message: 'has a field name with NUL or unpaired surrogates' });
      unsafeFields(v, path ? `${path}.${k}` : k, problems, depth + 1);
    }
  }
}

/** Refuses, with 400 naming the field, any body, query or path text that could not be stored faithfully. */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const problems: FieldProblem[] = [];
    unsafeFields(value, '', problems);
    if (problems.length) throw new FieldValidationException(problems);
    return value;
  }
}

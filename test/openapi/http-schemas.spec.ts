import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, renderHttpSchemasModule } from '../../tools/openapi-schemas';

const ROOT = join(__dirname, '..', '..');

describe('the generated OpenAPI schemas', () => {
  it('are what the TypeScript types generate now (else run `npm run openapi:schemas`)', () => {
    expect(readFileSync(join(ROOT, OUTPUT), 'utf8')).toBe(renderHttpSchemasModule(ROOT));
  }, 60_000);
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCaseWorkflows } from '@dandang/worker-runtime';

/** Writes dist/workflows/workflow-bundle.js, the prebuilt bundle production workers load. */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const { code } = await bundleCaseWorkflows(root);
  const out = join(root, 'dist', 'workflows');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'workflow-bundle.js'), code);
  console.log(`workflow bundle: ${join(out, 'workflow-bundle.js')} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

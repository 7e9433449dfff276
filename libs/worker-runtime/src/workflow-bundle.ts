import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';

/** Workspace libraries the workflow code imports; the Temporal bundler does not read tsconfig paths. */
function workspaceAliases(repoRoot: string): Record<string, string> {
  const lib = (name: string) => join(repoRoot, 'libs', name, 'src', 'index.ts');
  return {
    '@dandang/contracts': lib('contracts'),
    '@dandang/domain': lib('domain'),
  };
}

/** Bundles `workflows/` from its TypeScript sources (once per build or test run, never per test). */
export function bundleCaseWorkflows(repoRoot: string): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'workflows', 'src', 'index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), ...workspaceAliases(repoRoot) };
      return config;
    },
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
  });
}

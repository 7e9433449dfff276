import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '@dandang/sealing';

/** Workspace libraries the workflow code imports; the Temporal bundler does not read tsconfig paths. */
function workspaceAliases(repoRoot: string): Record<string, string> {
  const lib = (name: string) => join(repoRoot, 'libs', name, 'src', 'index.ts');
  return {
    '@dandang/contracts': lib('contracts'),
    '@dandang/domain': lib('domain'),
    '@dandang/workflow-messages': lib('workflow-messages'),
  };
}

/** Bundles `workflows/` from its TypeScript sources (once per build or test run, never per test). */
export function bundleCaseWorkflows(repoRoot: string): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'workflows', 'src', 'index.ts'),
    // The same failure converter as the worker's data converter: failure texts leave the sandbox as sealed payloads.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    // The request id and OpenTelemetry context of a request, carried from Update headers to activities and logs.
    workflowInterceptorModules: [join(repoRoot, 'libs', 'worker-runtime', 'src', 'telemetry-workflow-interceptors.ts')],
    // Pure libraries (no workflow state, no workflow API at module scope) are evaluated once in the worker's shared
    // context instead of once per workflow instance: a cache miss no longer re-runs their module bodies, and a
    // cached workflow no longer holds its own copy of their tables. The SDK deep-freezes them, so a mutation of a
    // shared constant fails loudly instead of leaking from one case to another.
    preloadModules: Object.keys(workspaceAliases(repoRoot)),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), ...workspaceAliases(repoRoot) };
      return config;
    },
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
  });
}

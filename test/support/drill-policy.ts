import type { PinnedPolicy, PolicyDuration, Stage } from '@dandang/contracts';
import { DEFAULT_POLICY } from '@dandang/domain';

/** A policy whose clocks run in seconds: a whole escalation ladder within a test, on the production code path. */
export function aDrillPolicy(version: string, limits: Partial<Record<Stage, number>>, overrides: Partial<PinnedPolicy> = {}): PinnedPolicy {
  const stageLimits: Partial<Record<Stage, PolicyDuration>> = {};
  for (const [stage, seconds] of Object.entries(limits)) stageLimits[stage as Stage] = { amount: seconds!, unit: 'SECOND' };
  return { ...DEFAULT_POLICY, version, stageLimits, ...overrides };
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` (waits on a condition, never a fixed sleep). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

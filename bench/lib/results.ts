import type { BaselineRound } from '../phases/baseline';
import type { ApiRound } from '../phases/api-lifecycle';
import type { ReadModelResult } from '../phases/read-model';
import type { TimerResult } from '../phases/timers';
import type { StartupResult } from '../phases/startup';
import type { CpuPhase } from './cpu';

/** How big each phase of `npm run bench` is. */
export interface Settings {
  mode: 'quick' | 'full';
  rounds: { concurrency: number; perLoop: number }[];
  readModelCases: number;
  queryRepeats: number;
  timerCases: number;
  timerBatch: number;
  registrationConcurrency: number;
  description: string;
}

/** What one `npm run bench` measured: written as bench/results/<ISO date>.json. */
export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  resultFile: string;
  mode: string;
  machine: { cores: number; cpuModel: string; memoryGiB: number; kernel: string; node: string; loadAverageAtStart: number[] };
  versions: Record<string, string>;
  settings: Settings;
  baseline: BaselineRound[];
  api: ApiRound[];
  readModel?: ReadModelResult;
  timers?: TimerResult;
  memory: Record<string, Record<string, { maxSampledRssMiB: number; vmHwmMiB: number }>>;
  /** Where the CPU went in each phase, per process, and how much other work the machine did meanwhile. */
  cpu?: Record<string, CpuPhase>;
  startup?: StartupResult;
  targets: { target: string; figure: string; verdict: string }[];
  notes: string[];
}

/**
 * How the API and the worker are started, everywhere they run (the image, `npm start`, the benchmark).
 * - `--max-semi-space-size=2`: V8's default young generation (16 MiB semi-spaces) and glibc's malloc arenas per
 *   thread each held tens of MiB these services never needed: under the same load their peak RSS fell from about
 *   290 to 185 MiB (API) and from about 290 to 220 MiB (worker), with no CPU cost we could measure.
 * - `--heap-growing-percent=20`: after a full collection V8 lets the old generation grow up to four times what was
 *   live before it collects again. Both services promote a lot of short-lived garbage (an API request waits about a
 *   second on its Workflow Update, so its objects outlive the small young generation), and the heaps grew to that
 *   limit: at 64 concurrent cases the API's heap reached 86 MiB while 45 MiB was live. Growing by a fifth instead, the
 *   bench's peak RSS fell from 241–292 to 179–193 MiB (API) and from 383–417 to 272–281 MiB (worker); GC pauses
 *   (perf_hooks 'gc' entries) grew by about a fifth, some 3 % more CPU.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];

/**
 * Read by glibc at process start, not by us (so not in CONFIG_VARIABLES).
 * - `MALLOC_ARENA_MAX=2`: see above.
 * - `MALLOC_MMAP_THRESHOLD_` and `MALLOC_TRIM_THRESHOLD_` at 128 KiB: glibc raises both thresholds by itself as large
 *   blocks come and go, after which freed native memory (the Temporal Core bridge's, mostly) stays resident. In the
 *   bench's timer phase the worker's RSS kept climbing (236 → 282 MiB) while both V8 heaps stayed flat; with fixed
 *   thresholds its peak was 248 MiB instead of 284, and the API's 151 instead of 187; in the lifecycles 231 and 147
 *   MiB instead of 269–281 and 172–193. CPU per action stayed within the spread between runs (bench/results/
 *   2026-11-27T17-13-26Z-timers.json, 17-16-59Z-timers.json, 17-20-30Z-lifecycles.json).
 */
export const SERVICE_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

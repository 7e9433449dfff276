/**
 * How the API and the worker are started, everywhere they run (the image, `npm start` and `npm run dev`, the benchmark).
 * - `--max-semi-space-size=2`: V8's default young generation (16 MiB semi-spaces) and glibc's malloc arenas per
 *   thread each held tens of MiB these services never needed; smaller ones cost no CPU we could measure.
 * - `--heap-growing-percent=20`: after a full collection V8 lets the old generation grow up to four times what was
 *   live before it collects again. Both services promote a lot of short-lived garbage (an API request waits about a
 *   second on its Workflow Update, so its objects outlive the small young generation), and their heaps grew to that
 *   limit, mostly garbage. Growing by a fifth keeps the peak near what is live, for somewhat more GC time.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];

/**
 * Read by glibc at process start, not by us (so not in CONFIG_VARIABLES).
 * - `MALLOC_ARENA_MAX=2`: see above.
 * - `MALLOC_MMAP_THRESHOLD_` and `MALLOC_TRIM_THRESHOLD_` at 128 KiB: glibc raises both thresholds by itself as large
 *   blocks come and go, after which freed native memory (the Temporal Core bridge's, mostly) stays resident: RSS kept
 *   climbing while both V8 heaps stayed flat. Fixed thresholds return it, at no CPU cost beyond the spread between
 *   benchmark runs (BENCHMARKS.md).
 */
export const SERVICE_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

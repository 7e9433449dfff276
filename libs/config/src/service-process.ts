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

/** Read by glibc at process start, not by us (so not in CONFIG_VARIABLES). */
export const SERVICE_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/**
 * How the API and the worker are started, everywhere they run (the image, `npm start`, the benchmark).
 * V8's default young generation (16 MiB semi-spaces) and glibc's malloc arenas per thread each held tens of MiB
 * these services never needed: under the same load their peak RSS fell from about 290 to 185 MiB (API) and from
 * about 290 to 220 MiB (worker), with no CPU cost we could measure.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/** Read by glibc at process start, not by us (so not in CONFIG_VARIABLES). */
export const SERVICE_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The clue body lives in libs/testing, shared with the benchmark. */
export { aClue } from '@dandang/testing';

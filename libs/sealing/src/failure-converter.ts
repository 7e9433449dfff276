import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces travel as an encoded payload, which the payload codec seals like any other:
 * a refusal or an error can quote a case's text. Loaded by path in the workflow sandbox and outside it alike.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });

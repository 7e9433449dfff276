import { useRef } from 'react';

/** A fresh Idempotency-Key: random hex (getRandomValues works where randomUUID needs a secure context). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The Idempotency-Key of one form's submission: the same for every retry of it, so a submission whose answer was lost
 * (the network, a restart) is never applied twice; a new one once it has gone through.
 */
export function useSubmissionKey(): { key(): string; succeeded(): void } {
  const current = useRef<string | null>(null);
  return {
    key: () => (current.current ??= newKey()),
    succeeded: () => {
      current.current = null;
    },
  };
}

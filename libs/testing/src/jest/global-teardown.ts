export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as unknown as { __dandangServices?: { stop(): Promise<void> } };
  await globals.__dandangServices?.stop();
}

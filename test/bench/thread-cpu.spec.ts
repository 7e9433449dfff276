import { spawn } from 'node:child_process';
import { threadCpu } from '../../bench/thread-cpu';

describe('threadCpu', () => {
  it('splits a running process’s CPU by thread, naming its main thread', async () => {
    const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => busy.once('spawn', resolve));
      const threads = await threadCpu(busy.pid!, 1);
      const main = threads.find((t) => t.tid === busy.pid);
      expect(main?.name).toBe('node (main thread)');
      expect(main!.user).toBeGreaterThan(0);
      expect(threads[0]).toBe(main); // the spinning thread used the most
    } finally {
      busy.kill('SIGKILL');
    }
  });
});

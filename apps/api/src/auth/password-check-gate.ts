/** Every slot is taken and the queue is full: the caller is told to come back rather than wait. */
export class PasswordChecksBusyError extends Error {
  constructor() {
    super('登录人数过多，请稍后再试 (too many sign-ins at once; try again in a moment)');
  }
}

/**
 * At most `concurrency` password checks run at once, and at most `maxWaiting` wait for a slot; one more is refused at
 * once (PasswordChecksBusyError). Each argon2 check holds its hash's memory cost while it runs, so a burst must not
 * multiply that; and an unbounded queue would let one flood delay every sign-in behind it.
 */
export class PasswordCheckGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(check: () => Promise<T>): Promise<T> {
    // A finished check hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new PasswordChecksBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await check();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

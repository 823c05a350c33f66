/**
 * A small semaphore for expensive work (decoding images, rewriting videos): at most `limit` jobs run
 * at once and at most `maxWaiting` wait, so a burst of large uploads queues instead of taking every
 * core, the thread pool and gigabytes of memory from the requests that should stay quick.
 */
export class BusyError extends Error {}

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting)
        throw new BusyError("Too many uploads are being processed right now.");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job; `running` only drops when nobody waits.
      if (next) next();
      else this.running--;
    }
  }
}

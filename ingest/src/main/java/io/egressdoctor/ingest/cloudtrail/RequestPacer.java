package io.egressdoctor.ingest.cloudtrail;

/**
 * Spaces requests to at most a given rate. LookupEvents allows 2 requests per second per account
 * and region, and that limit cannot be raised, so asking faster only earns throttling errors.
 */
final class RequestPacer {

  /** Sleeps; replaced in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final long intervalNanos;
  private final Sleeper sleeper;
  private long last = Long.MIN_VALUE;

  RequestPacer(double perSecond, Sleeper sleeper) {
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
    this.sleeper = sleeper;
  }

  /** Waits until the next request may go. */
  void await() throws InterruptedException {
    long now = System.nanoTime();
    if (last != Long.MIN_VALUE) {
      long wait = last + intervalNanos - now;
      if (wait > 0) {
        sleeper.sleep((wait + 999_999) / 1_000_000);
        now = System.nanoTime();
      }
    }
    last = now;
  }
}

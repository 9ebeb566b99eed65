/**
 * Counts events per key over a sliding window, in memory: the counters hold addresses for at most
 * the window's length and never reach the database.
 */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** Seconds until the key may act again, or 0 when it may act now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[0]! + this.windowMs - this.now()) / 1000));
  }

  hit(key: string) {
    // Many distinct keys (a scan from many addresses) must not grow the map without bound.
    if (this.hits.size >= MAX_KEYS) for (const k of [...this.hits.keys()]) this.recent(k);
    this.hits.set(key, [...this.recent(key), this.now()]);
  }

  clear(key: string) {
    this.hits.delete(key);
  }
}

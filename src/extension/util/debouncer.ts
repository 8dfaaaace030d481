// Per-key debouncing (one timer per document), with no VS Code dependency so it is unit-tested.
export class KeyedDebouncer<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();

  constructor(private readonly schedule: (fn: () => void, ms: number) => ReturnType<typeof setTimeout> = setTimeout, private readonly cancel: (t: ReturnType<typeof setTimeout>) => void = clearTimeout) {}

  /** Runs `fn` after `ms` of quiet for this key; a newer call for the same key replaces the older. */
  run(key: K, ms: number, fn: () => void): void {
    this.clear(key);
    if (ms <= 0) {
      fn();
      return;
    }
    this.timers.set(
      key,
      this.schedule(() => {
        this.timers.delete(key);
        fn();
      }, ms),
    );
  }

  clear(key: K): void {
    const t = this.timers.get(key);
    if (t !== undefined) this.cancel(t);
    this.timers.delete(key);
  }

  pending(key: K): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) this.cancel(t);
    this.timers.clear();
  }
}

/**
 * Keeps the N greatest items seen, in O(N) memory: a binary min-heap whose root is the least item kept,
 * so a new item either loses to the root at once (no copy made) or replaces it in O(log N).
 */
export class BoundedHeap<T> {
  private readonly items: T[] = [];
  /** items offered that were not kept, or pushed out later */
  dropped = 0;

  /** `compare(a, b)` > 0 when a is greater (kept in preference to b) */
  constructor(
    readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Whether an item like this would be kept; lets a caller skip building it. */
  wouldKeep(probe: T): boolean {
    return this.limit > 0 && (this.items.length < this.limit || this.compare(probe, this.items[0]) > 0);
  }

  push(item: T): void {
    if (!this.wouldKeep(item)) {
      this.dropped++;
      return;
    }
    if (this.items.length < this.limit) {
      this.items.push(item);
      this.up(this.items.length - 1);
      return;
    }
    this.dropped++;
    this.items[0] = item;
    this.down(0);
  }

  /** The items kept, greatest first. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => this.compare(b, a));
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) >= 0) return;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && this.compare(items[left], items[least]) < 0) least = left;
      if (right < items.length && this.compare(items[right], items[least]) < 0) least = right;
      if (least === i) return;
      [items[i], items[least]] = [items[least], items[i]];
      i = least;
    }
  }
}

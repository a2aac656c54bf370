/**
 * Objects keyed by names that come from data (column names, segment values, JSON keys): without a
 * prototype, so a column named `constructor`, `toString` or `__proto__` is a key like any other — on a
 * plain `{}` a lookup of a missing `constructor` finds Object.prototype's, and `o.__proto__ = v` sets
 * the prototype instead of a key.
 */
export function dataRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Sets `key` on `target` as an own property, whatever the key (even `__proto__` on a plain object). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

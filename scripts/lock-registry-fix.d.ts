/** Optional dependencies package-lock.json names but does not hold, as holder path and package name. */
export function danglingOptional(lock: unknown): Array<{ holder: string; name: string }>;
/** Removes them from the lock object in place; returns how many. */
export function fixLock(lock: unknown): number;

// How many worker threads a workspace scan uses (no vscode import: unit-tested under plain Node).
import * as os from 'node:os';

/**
 * Worker threads for a scan. `requested` > 0 is the user's choice (at most 16). Automatic (0): one
 * fewer than the cores, at least 1 and at most 4. A single analysis worker already keeps more than
 * one core busy, because V8 compiles and collects garbage on threads beside it (measured in
 * bench/RESULTS.md: 1.54–1.56 cores on a 2-core machine), so a worker on the last core competes with
 * those threads and the extension host instead of adding speed.
 */
export function shardCount(requested = 0, cores = availableCores()): number {
  if (Number.isInteger(requested) && requested > 0) return Math.min(16, requested);
  return Math.max(1, Math.min(4, cores - 1));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

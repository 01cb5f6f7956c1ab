/**
 * The processor time a run takes, in ms: this process's user and system time (`process.cpuUsage`), not the clock's.
 * A bound on the clock fails when the machine is loaded — other processes on two cores pause this one for tens of
 * milliseconds (a run of 16 characters measured 32 ms on the clock with other suites beside it) —, a bound on the
 * processor time the run itself used does not: it is what a super-linear pattern or a quadratic parse makes grow.
 * Threads of the process (the garbage collector's helpers) count too: the bound is generous for that.
 */
export function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

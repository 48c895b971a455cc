/**
 * Simulated time. It starts at `startTime` and then runs at `speed` times
 * real time (1 = real time, 60 = an hour per minute, 0 = frozen, for tests),
 * plus whatever {@link SimulationClock.advance} has added.
 */
export class SimulationClock {
  readonly startTime: number;
  readonly speed: number;
  private readonly realNow: () => number;
  private readonly realStart: number;
  private offsetMs = 0;

  constructor(
    startTime: number,
    speed: number,
    realNow: () => number = Date.now,
  ) {
    this.startTime = startTime;
    this.speed = speed;
    this.realNow = realNow;
    this.realStart = realNow();
  }

  /** The simulated time, in epoch milliseconds. */
  now(): number {
    return (
      this.startTime +
      (this.realNow() - this.realStart) * this.speed +
      this.offsetMs
    );
  }

  /** Moves simulated time forward; returns the new time. */
  advance(ms: number): number {
    if (!(ms >= 0)) {
      throw new RangeError('the clock only moves forward');
    }
    this.offsetMs += ms;
    return this.now();
  }
}

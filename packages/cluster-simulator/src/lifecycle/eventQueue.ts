/** A timed action of the lifecycle engine. */
export interface TimedEvent {
  /** Simulated time at which it happens (epoch ms). */
  at: number;
  /** Runs the event; `horizon` is the time the engine is advancing to. */
  run(horizon: number): void;
}

interface QueuedEvent extends TimedEvent {
  sequence: number;
}

/**
 * A binary min-heap of events by time; events at the same time run in the
 * order they were added, which keeps runs deterministic.
 */
export class EventQueue {
  private readonly heap: QueuedEvent[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  push(event: TimedEvent): void {
    this.heap.push({ at: event.at, run: event.run, sequence: this.sequence++ });
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(index, parent)) {
        break;
      }
      this.swap(index, parent);
      index = parent;
    }
  }

  /** The time of the next event, or Infinity when empty. */
  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0].at : Infinity;
  }

  pop(): TimedEvent | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.heap.length && this.before(left, smallest)) {
          smallest = left;
        }
        if (right < this.heap.length && this.before(right, smallest)) {
          smallest = right;
        }
        if (smallest === index) {
          break;
        }
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.at < y.at || (x.at === y.at && x.sequence < y.sequence);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}

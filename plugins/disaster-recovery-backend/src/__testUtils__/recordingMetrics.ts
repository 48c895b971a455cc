import type {
  MetricAttributes,
  MetricsService,
  MetricsServiceObservableCallback,
} from '@backstage/backend-plugin-api/alpha';

export type Point = [number, MetricAttributes | undefined];

/** A metrics service that keeps what each instrument was given. */
export function recordingMetrics() {
  const points = new Map<string, Point[]>();
  const callbacks = new Map<string, MetricsServiceObservableCallback>();
  const push =
    (name: string) => (value: number, attributes?: MetricAttributes) => {
      points.set(name, [...(points.get(name) ?? []), [value, attributes]]);
    };
  const observable = (name: string) => ({
    addCallback: (callback: MetricsServiceObservableCallback) => {
      callbacks.set(name, callback);
    },
    removeCallback: () => {},
  });
  const metrics = {
    createCounter: (name: string) => ({ add: push(name) }),
    createUpDownCounter: (name: string) => ({ add: push(name) }),
    createHistogram: (name: string) => ({ record: push(name) }),
    createGauge: (name: string) => ({ record: push(name) }),
    createObservableCounter: observable,
    createObservableUpDownCounter: observable,
    createObservableGauge: observable,
  } as MetricsService;
  const collect = async (name: string) => {
    const observed: Point[] = [];
    await callbacks.get(name)!({
      observe: (value, attributes) => observed.push([value, attributes]),
    });
    return observed;
  };
  return { metrics, points, collect };
}

export const P = 'backstage.plugin.disaster-recovery';

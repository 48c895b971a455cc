import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { METRIC_NAMES } from './metricNames';

type AsyncMethodOf<T> = {
  [K in keyof T]: T[K] extends (...args: any[]) => Promise<unknown> ? K : never;
}[keyof T] &
  string;

/**
 * Times these methods of the evaluator into a histogram (seconds,
 * attribute `operation`: the method), whichever schedule or route calls
 * them. They are wrapped on the instance, so that the evaluator needs no
 * knowledge of metrics and its callers no change.
 */
export function timeEvaluations<T extends object>(
  evaluator: T,
  metrics: MetricsService,
  methods: ReadonlyArray<AsyncMethodOf<T>>,
): void {
  const duration = metrics.createHistogram(METRIC_NAMES.evaluationDuration, {
    description: 'Time taken to evaluate postures, by operation',
    unit: 's',
  });
  for (const name of methods) {
    const method = evaluator[name] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(evaluator, name, {
      configurable: true,
      value: async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await method.apply(evaluator, args);
        } finally {
          duration.record((performance.now() - started) / 1000, {
            operation: name,
          });
        }
      },
    });
  }
}

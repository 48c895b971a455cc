import type { Table } from './markdownTable';

/** What one benchmark reports: a table for people, metrics for targets. */
export interface SuiteResult {
  /** Short id, also the prefix of its metric names. */
  id: string;
  /** Heading in the report. */
  title: string;
  /** What was measured and how, in a sentence or two. */
  method: string;
  table: Table;
  /** Observations worth reading beside the figures. */
  notes: string[];
  /** Named figures that the targets read, e.g. `collector.peakRssMiB`. */
  metrics: Record<string, number>;
}

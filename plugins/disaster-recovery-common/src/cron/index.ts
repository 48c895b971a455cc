export { parseBackupSchedule } from './parseBackupSchedule';
export type {
  ParsedBackupSchedule,
  ScheduleDialect,
} from './parseBackupSchedule';
export { scheduleTiming } from './scheduleTiming';
export type { ScheduleTiming } from './scheduleTiming';
export { nextScheduledRun } from './nextRun';

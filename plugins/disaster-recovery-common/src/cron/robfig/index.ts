export { longestGapMs, nextRobfigRun } from './robfigSchedule';
export { RobfigSpecError } from './robfigSpec';

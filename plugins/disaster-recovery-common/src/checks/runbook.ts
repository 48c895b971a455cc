import { check, type CheckRule } from './context';

/** A recovery runbook must be linked: nobody should improvise a recovery. */
export const runbook: CheckRule = ({ policy }) => {
  const { runbookUrl } = policy;
  if (!runbookUrl.ok) {
    return check(
      'runbook',
      runbookUrl.problem === 'missing' ? 'fail' : 'unknown',
      runbookUrl.reason,
    );
  }
  return check(
    'runbook',
    'pass',
    `The recovery runbook is linked: ${runbookUrl.value}.`,
    [],
    { url: runbookUrl.value },
  );
};

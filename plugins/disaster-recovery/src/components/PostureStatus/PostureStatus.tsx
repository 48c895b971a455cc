import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import { makeStyles } from '@material-ui/core/styles';
import type { JSX, ReactNode } from 'react';

const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Failing',
  unknown: 'Unknown',
};

const STATUS_ICONS = {
  pass: StatusOK,
  warn: StatusWarning,
  fail: StatusError,
  unknown: StatusAborted,
} as const;

const useStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * The words a status is shown with, so that it never depends on colour alone.
 *
 * @public
 */
export function postureStatusLabel(status: CheckStatus): string {
  return STATUS_LABELS[status];
}

/**
 * A check or posture status as Backstage's status icon and a label. `unknown`
 * has its own grey "aborted" icon and is never drawn as healthy. Custom text
 * is read out after the status label by screen readers.
 *
 * @public
 */
export function PostureStatus(props: {
  status: CheckStatus;
  /** Text after the icon; the status label when left out. */
  children?: ReactNode;
}): JSX.Element {
  const { status, children } = props;
  const classes = useStyles();
  const Icon = STATUS_ICONS[status];
  // Backstage hides status icons from assistive technology; the text here
  // carries the status, so it is exposed.
  return (
    <Icon aria-hidden={false} aria-label={undefined}>
      {children === undefined ? (
        STATUS_LABELS[status]
      ) : (
        <>
          <span className={classes.visuallyHidden}>
            {STATUS_LABELS[status]}:
          </span>{' '}
          {children}
        </>
      )}
    </Icon>
  );
}

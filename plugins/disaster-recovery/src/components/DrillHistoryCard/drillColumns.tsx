import type { TableColumn } from '@backstage/core-components';
import { formatDuration } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { formatDateTime, RelativeTime } from '../../format';
import { PostureStatus } from '../PostureStatus';
import { missingEvidenceText, type DrillRow } from './drillRows';

/** Text of a row that no longer counts: struck out, still readable. */
function Struck(props: { row: DrillRow; children: ReactNode }) {
  return props.row.outcome === 'voided' ||
    props.row.outcome === 'superseded' ? (
    <s>{props.children}</s>
  ) : (
    <>{props.children}</>
  );
}

function Note(props: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" display="block">
      {props.children}
    </Typography>
  );
}

/** The anchor of a recorded drill's row, for links between corrections. */
export function drillAnchor(drillId: string): string {
  return `drill-${drillId}`;
}

function What(props: { row: DrillRow }) {
  const { row } = props;
  const drill = row.recorded;
  return (
    <>
      <span id={drill ? drillAnchor(drill.id) : undefined}>
        <Struck row={row}>{row.title}</Struck>
      </span>
      {drill?.voided && (
        <Note>
          Voided by {drill.voided.by}, <RelativeTime time={drill.voided.at} />:{' '}
          {drill.voided.reason}
        </Note>
      )}
      {drill?.supersededBy && (
        <Note>
          Superseded by{' '}
          <Link href={`#${drillAnchor(drill.supersededBy)}`}>
            its corrected record
          </Link>
        </Note>
      )}
      {drill?.supersedes && (
        <Note>
          Corrects{' '}
          <Link href={`#${drillAnchor(drill.supersedes)}`}>
            an earlier record
          </Link>
        </Note>
      )}
      {row.warnings.map(warning => (
        <PostureStatus status="warn" key={warning}>
          {warning}
        </PostureStatus>
      ))}
    </>
  );
}

function RecoveryTime(props: { row: DrillRow; rtoMs?: number }) {
  const { row, rtoMs } = props;
  if (row.achievedRtoMs !== undefined) {
    return (
      <>
        {formatDuration(row.achievedRtoMs)}
        {rtoMs !== undefined && row.comparesWithServiceRto && (
          <Note>target {formatDuration(rtoMs)}</Note>
        )}
        {!row.comparesWithServiceRto && (
          <Note>one component: not set against the service’s RTO</Note>
        )}
      </>
    );
  }
  if (row.restoreDurationMs !== undefined) {
    // The restore ending does not prove the service was back.
    return <>restore duration {formatDuration(row.restoreDurationMs)}</>;
  }
  return <>not recorded</>;
}

function Rpo(props: { row: DrillRow; rpoMs?: number }) {
  const { row, rpoMs } = props;
  if (row.achievedRpoMs === undefined) return <>not recorded</>;
  return (
    <>
      {formatDuration(row.achievedRpoMs)}
      {rpoMs !== undefined && <Note>target {formatDuration(rpoMs)}</Note>}
    </>
  );
}

/** How a row counts, in words and a status, with what it lacks. */
export function DrillOutcome(props: { row: DrillRow }) {
  const { row } = props;
  switch (row.outcome) {
    case 'succeeded':
      return <PostureStatus status="pass">Succeeded</PostureStatus>;
    case 'failed':
      return <PostureStatus status="fail">Failed</PostureStatus>;
    case 'incomplete':
      return (
        <>
          <PostureStatus status="warn">Incomplete</PostureStatus>
          <Note>Missing: {missingEvidenceText(row)}</Note>
        </>
      );
    case 'voided':
      return (
        <PostureStatus status="unknown">Voided: does not count</PostureStatus>
      );
    case 'superseded':
      return (
        <PostureStatus status="unknown">
          Superseded: does not count
        </PostureStatus>
      );
    case 'restore-into-production':
      return (
        <PostureStatus status="warn">
          Restore into production: not a test
        </PostureStatus>
      );
    default:
      return (
        <>
          <PostureStatus status="warn">Does not count</PostureStatus>
          <Note>{row.reasons.join('; ')}</Note>
        </>
      );
  }
}

/** What can be done with a row. */
export interface DrillRowActions {
  onDetails: (row: DrillRow) => void;
  /** Whether the user may void or correct this drill (the backend decides). */
  mayCorrect: (row: DrillRow) => boolean;
  onVoid: (row: DrillRow) => void;
  onCorrect: (row: DrillRow) => void;
}

/** The columns of the drill history. */
export function drillColumns(
  targets: { rpoMs?: number; rtoMs?: number },
  actions: DrillRowActions,
): TableColumn<DrillRow>[] {
  const named = (verb: string, row: DrillRow) =>
    `${verb} ${row.title}${
      row.endedAt ? ` ended ${formatDateTime(row.endedAt)}` : ''
    }`;
  return [
    {
      title: 'Ended',
      render: row =>
        row.endedAt ? <RelativeTime time={row.endedAt} /> : 'not finished',
    },
    { title: 'What', render: row => <What row={row} /> },
    {
      title: 'Recovery time',
      render: row => (
        <Struck row={row}>
          <RecoveryTime row={row} rtoMs={targets.rtoMs} />
        </Struck>
      ),
    },
    {
      title: 'Achieved RPO',
      render: row => (
        <Struck row={row}>
          <Rpo row={row} rpoMs={targets.rpoMs} />
        </Struck>
      ),
    },
    { title: 'Outcome', render: row => <DrillOutcome row={row} /> },
    {
      title: 'Evidence',
      render: row => (
        <>
          <Button
            size="small"
            onClick={() => actions.onDetails(row)}
            aria-label={named('Details of', row)}
          >
            Details
          </Button>
          {actions.mayCorrect(row) && (
            <>
              <Button
                size="small"
                onClick={() => actions.onCorrect(row)}
                aria-label={named('Correct', row)}
              >
                Correct
              </Button>
              <Button
                size="small"
                onClick={() => actions.onVoid(row)}
                aria-label={named('Void', row)}
              >
                Void
              </Button>
            </>
          )}
        </>
      ),
    },
  ];
}

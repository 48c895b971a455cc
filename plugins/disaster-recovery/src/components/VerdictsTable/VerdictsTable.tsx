import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  STATUSES_WORST_FIRST,
  type CheckStatus,
  type VerdictAnswer,
} from '@dr-posture/plugin-disaster-recovery-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { VerdictOrError } from '../../systems/useEntityVerdicts';
import { PostureStatus } from '../PostureStatus';
import { StatusStrip } from '../StatusStrip';

/** An entity of a System or a team, with its verdict once read. */
export interface VerdictRow {
  entityRef: string;
  title?: string;
  status: CheckStatus;
  verdict?: VerdictOrError;
}

const ANSWER_STATUS: Record<VerdictAnswer, CheckStatus> = {
  yes: 'pass',
  no: 'fail',
  unknown: 'unknown',
};

const ANSWER_WORDS: Record<VerdictAnswer, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown',
};

function Answer(props: { answer?: VerdictAnswer }) {
  if (!props.answer) return <>…</>;
  return (
    <PostureStatus status={ANSWER_STATUS[props.answer]}>
      {ANSWER_WORDS[props.answer]}
    </PostureStatus>
  );
}

/** Worst status first, then by name: what needs attention leads. */
export function worstFirst<T extends VerdictRow>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      STATUSES_WORST_FIRST.indexOf(a.status) -
        STATUSES_WORST_FIRST.indexOf(b.status) ||
      (a.title ?? a.entityRef).localeCompare(b.title ?? b.entityRef),
  );
}

/**
 * Entities with their verdicts, worst first: recoverable within the RPO,
 * RTO proven, and the top reason with what to do about it.
 */
export function VerdictsTable(props: {
  rows: VerdictRow[];
  label: string;
  /** The last 90 days of each entity, in a column of its own. */
  withTrend?: boolean;
}) {
  return (
    <TableContainer>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Within RPO</TableCell>
            <TableCell>RTO proven</TableCell>
            <TableCell>Top reason</TableCell>
            {props.withTrend && (
              <TableCell style={{ minWidth: 180 }}>Last 90 days</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {worstFirst(props.rows).map(row => {
            const verdict = row.verdict?.verdict;
            return (
              <TableRow key={row.entityRef}>
                {/* Names stay whole; the top reason wraps instead. */}
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <EntityRefLink entityRef={row.entityRef} title={row.title} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <PostureStatus status={row.status} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <Answer answer={verdict?.recoveryPoint.answer} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <Answer answer={verdict?.recoveryTime.answer} />
                </TableCell>
                <TableCell>
                  {row.verdict?.error && (
                    <Typography variant="body2" color="error">
                      Verdict unavailable: {row.verdict.error.message}
                    </Typography>
                  )}
                  {verdict && !verdict.topReason && 'Every check passes'}
                  {verdict?.topReason && (
                    <>
                      <Typography variant="body2">
                        {verdict.topReason.title}
                      </Typography>
                      {verdict.nextAction && (
                        <Typography variant="caption" color="textSecondary">
                          {verdict.nextAction.text}
                        </Typography>
                      )}
                    </>
                  )}
                </TableCell>
                {props.withTrend && (
                  <TableCell>
                    <StatusStrip entityRef={row.entityRef} />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { RelativeTime } from '../../format';
import { usePostureTrend } from '../../trends/usePostureTrend';
import { postureStatusLabel } from '../PostureStatus';

const useStyles = makeStyles({
  strip: { display: 'flex', gap: 1, height: 16, alignItems: 'stretch' },
  day: { flex: '1 1 0', minWidth: 1 },
});

function countsText(days: Array<{ status?: CheckStatus }>): string {
  const counts = new Map<string, number>();
  for (const day of days) {
    const label = day.status ? postureStatusLabel(day.status) : 'No data';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${label} ${n} d`).join(', ');
}

/**
 * An entity's worst status of each of the last 90 days as a strip of
 * coloured days, the counts in words, and since when it fails.
 */
export function StatusStrip(props: { entityRef: string }) {
  const trend = usePostureTrend(props.entityRef);
  const classes = useStyles();
  const theme = useTheme();
  if (trend.loading) return <>…</>;
  if (trend.error) {
    return (
      <Typography variant="caption" color="textSecondary">
        History unavailable
      </Typography>
    );
  }
  const { days, failingSince } = trend.value!;
  const colours: Record<CheckStatus, string> = {
    pass: theme.palette.status.ok,
    warn: theme.palette.status.warning,
    fail: theme.palette.status.error,
    unknown: theme.palette.status.aborted,
  };
  return (
    <>
      <div
        className={classes.strip}
        role="img"
        aria-label={`Last ${days.length} days: ${countsText(days)}`}
      >
        {days.map(day => (
          <span
            key={day.date}
            className={classes.day}
            title={`${day.date}: ${
              day.status ? postureStatusLabel(day.status) : 'no data'
            }`}
            style={{
              background: day.status
                ? colours[day.status]
                : theme.palette.action.disabledBackground,
            }}
          />
        ))}
      </div>
      {failingSince && (
        <Typography variant="caption" component="div">
          {'at' in failingSince ? (
            <>
              Failing since <RelativeTime time={failingSince.at} />
            </>
          ) : (
            `Failing since before ${failingSince.before}`
          )}
        </Typography>
      )}
    </>
  );
}

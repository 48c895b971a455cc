import { InfoCard } from '@backstage/core-components';
import {
  formatDuration,
  type BackupHistoryDay,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { chartThemeOf } from '../../charts/chartTheme';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

function total(
  days: BackupHistoryDay[],
  key: keyof Omit<BackupHistoryDay, 'day'>,
) {
  return days.reduce((sum, day) => sum + day[key], 0);
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The completed backups a day needs so that no point of it is further than
 * the RPO from a clean one: one per RPO, at least one a day.
 */
export function backupsPerDayForRpo(rpoMs: number): number {
  return Math.max(1, Math.ceil(DAY / rpoMs));
}

/**
 * Backups covering the entity per day over the last 30 days, stacked by
 * outcome, with the totals written out for readers who cannot see the chart.
 * With the RPO, a line marks the completed backups a day needs to meet it.
 */
export function BackupHistoryChart(props: {
  days: BackupHistoryDay[];
  rpoMs?: number;
}) {
  const { days, rpoMs } = props;
  const theme = useTheme();
  const chart = chartThemeOf(theme);
  const needed = rpoMs ? backupsPerDayForRpo(rpoMs) : undefined;
  const rpoText = needed
    ? `; the RPO of ${formatDuration(rpoMs!)} needs ${needed} completed a day`
    : '';
  const totals = `${total(days, 'completed')} completed, ${total(
    days,
    'partiallyFailed',
  )} partially failed, ${total(days, 'failed')} failed${rpoText}`;
  return (
    <InfoCard title="Backup history" subheader="Last 30 days, by day (UTC)">
      <Typography variant="body2" gutterBottom>
        {totals}
      </Typography>
      <div
        role="img"
        aria-label={`Backups per day over the last 30 days: ${totals}`}
      >
        <ResponsiveContainer width="100%" height={240}>
          <BarChart
            data={days}
            margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(5)}
              tick={chart.tick}
            />
            <YAxis allowDecimals={false} tick={chart.tick} />
            <Tooltip contentStyle={chart.tooltip} />
            <Legend />
            {needed && (
              <ReferenceLine
                y={needed}
                stroke={theme.palette.text.primary}
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{
                  value: `RPO ${formatDuration(rpoMs!)}: ${needed} a day`,
                  position: 'insideTopRight',
                  fill: theme.palette.text.primary,
                  fontSize: 12,
                }}
              />
            )}
            <Bar
              dataKey="completed"
              name="Completed"
              stackId="backups"
              isAnimationActive={false}
              fill={theme.palette.status.ok}
            />
            <Bar
              dataKey="partiallyFailed"
              name="Partially failed"
              stackId="backups"
              isAnimationActive={false}
              fill={theme.palette.status.warning}
            />
            <Bar
              dataKey="failed"
              name="Failed"
              stackId="backups"
              isAnimationActive={false}
              fill={theme.palette.status.error}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </InfoCard>
  );
}

import { InfoCard } from '@backstage/core-components';
import type { BackupHistoryDay } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
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

/**
 * Backups covering the entity per day over the last 30 days, stacked by
 * outcome, with the totals written out for readers who cannot see the chart.
 */
export function BackupHistoryChart(props: { days: BackupHistoryDay[] }) {
  const { days } = props;
  const theme = useTheme();
  const totals = `${total(days, 'completed')} completed, ${total(
    days,
    'partiallyFailed',
  )} partially failed, ${total(days, 'failed')} failed`;
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
              tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
            />
            <Tooltip
              contentStyle={{
                background: theme.palette.background.paper,
                color: theme.palette.text.primary,
              }}
            />
            <Legend />
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

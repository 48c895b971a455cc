import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DrillRow } from './drillRows';

const HOUR = 3_600_000;

function points(rows: DrillRow[], succeeded: boolean) {
  return rows
    .filter(
      row =>
        // Only what counts, and only what is comparable with the RTO line.
        row.counts &&
        row.comparesWithServiceRto &&
        row.succeeded === succeeded &&
        row.endedAt !== undefined &&
        row.achievedRtoMs !== undefined,
    )
    .map(row => ({
      time: Date.parse(row.endedAt!),
      hours: Math.round((row.achievedRtoMs! / HOUR) * 100) / 100,
      title: row.title,
    }));
}

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Drills over time, by the recovery time they achieved, against the RTO target. */
export function DrillTimeline(props: { rows: DrillRow[]; rtoMs?: number }) {
  const { rows, rtoMs } = props;
  const theme = useTheme();
  const succeeded = points(rows, true);
  const failed = points(rows, false);
  if (succeeded.length + failed.length === 0) return null;
  return (
    <div
      role="img"
      aria-label={`Timeline of ${succeeded.length} successful and ${
        failed.length
      } failed or incomplete drills by achieved recovery time${
        rtoMs ? ` against the ${rtoMs / HOUR} h RTO target` : ''
      }`}
    >
      <ResponsiveContainer width="100%" height={200}>
        <ScatterChart margin={{ top: 16, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin - 86400000', 'dataMax + 86400000']}
            tickFormatter={day}
            name="Ended"
            tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
          />
          <YAxis
            dataKey="hours"
            name="Recovery time"
            unit=" h"
            tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
          />
          <Tooltip
            formatter={(value, name) =>
              name === 'Ended' ? day(Number(value)) : `${value} h`
            }
            contentStyle={{ background: theme.palette.background.paper }}
          />
          <Legend />
          {rtoMs !== undefined && (
            <ReferenceLine
              y={rtoMs / HOUR}
              stroke={theme.palette.status.warning}
              strokeDasharray="6 3"
              label={{
                value: 'RTO target',
                fill: theme.palette.text.primary,
                position: 'insideTopRight',
              }}
            />
          )}
          <Scatter
            isAnimationActive={false}
            name="Succeeded"
            data={succeeded}
            fill={theme.palette.status.ok}
          />
          <Scatter
            isAnimationActive={false}
            name="Failed or incomplete"
            data={failed}
            fill={theme.palette.status.error}
            shape="cross"
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

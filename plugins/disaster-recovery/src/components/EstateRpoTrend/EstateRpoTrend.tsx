import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { chartThemeOf } from '../../charts/chartTheme';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { estateRpoTrendOf, TREND_DAYS } from './estateRpoTrend';

const DAY = 24 * 60 * 60 * 1000;

function tierName(tier: string): string {
  return tier === 'none' ? 'No tier' : `Tier ${tier}`;
}

function percent(share?: number): string {
  return share === undefined ? 'no data' : `${Math.round(share * 100)} %`;
}

/**
 * The share of each tier's entities within their RPO per day over the last
 * 90 days, for the whole estate the user may see.
 */
export function EstateRpoTrend() {
  const api = useApi(disasterRecoveryApiRef);
  const theme = useTheme();
  const chart = chartThemeOf(theme);
  const history = useAsync(() => {
    const from = new Date(Date.now() - (TREND_DAYS - 1) * DAY)
      .toISOString()
      .slice(0, 10);
    return api.getEstateHistory({ from });
  }, [api]);
  const colours = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.status.warning,
    theme.palette.text.secondary,
  ];
  let body;
  if (history.loading) body = <Progress />;
  else if (history.error) body = <ResponseErrorPanel error={history.error} />;
  else {
    const { points, tiers } = estateRpoTrendOf(history.value!.days);
    const summary =
      tiers.length === 0
        ? 'No entity was evaluated in these days.'
        : `Within RPO over the period: ${tiers
            .map(t => `${tierName(t.tier)} ${percent(t.share)}`)
            .join(', ')}.`;
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          {summary}
        </Typography>
        <div
          role="img"
          aria-label={`Share of entities within their RPO per day, by tier, over the last ${TREND_DAYS} days. ${summary}`}
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={points} margin={{ top: 8, right: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="date"
                tickFormatter={(date: string) => date.slice(5)}
                tick={chart.tick}
              />
              <YAxis domain={[0, 100]} unit=" %" tick={chart.tick} />
              <Tooltip contentStyle={chart.tooltip} />
              <Legend />
              {tiers.map((t, index) => (
                <Line
                  key={t.tier}
                  dataKey={t.tier}
                  name={tierName(t.tier)}
                  stroke={colours[index % colours.length]}
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </>
    );
  }
  return (
    <InfoCard
      title="Within RPO, by tier"
      subheader={`Last ${TREND_DAYS} days, by day (UTC), the whole estate`}
    >
      {body}
    </InfoCard>
  );
}

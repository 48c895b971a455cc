import { InfoCard } from '@backstage/core-components';
import {
  STATUSES_WORST_FIRST,
  type CheckStatus,
  type OverviewResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { tierOrder } from '../../overview/tierOrder';
import { PostureStatus } from '../PostureStatus';

const STATUS_WORDS: Record<CheckStatus, string> = {
  fail: 'failing',
  warn: 'warning',
  unknown: 'unknown',
  pass: 'passing',
};

function tierTitle(tier: string): string {
  return tier === 'none' ? 'No tier' : `Tier ${tier}`;
}

/**
 * One tile per tier with the matching entities per status; each count
 * filters the table to that tier and status. The counts follow the filters,
 * so the tiles say when they are not the whole estate.
 */
export function OverviewSummaryTiles(props: {
  summary: OverviewResponse['summary'];
  /** The filters in words; absent when the tiles count the whole estate. */
  filteredBy?: string;
  onSelect: (tier: string, status: CheckStatus) => void;
}) {
  const { summary, filteredBy, onSelect } = props;
  const tiers = Object.keys(summary).sort(tierOrder);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Typography variant="subtitle2" component="p" role="status">
          {filteredBy
            ? `Filtered: counting only entities with ${filteredBy}`
            : 'The whole estate'}
        </Typography>
      </Grid>
      {tiers.map(tier => {
        const counts = summary[tier];
        const total = STATUSES_WORST_FIRST.reduce(
          (sum, s) => sum + (counts[s] ?? 0),
          0,
        );
        return (
          <Grid item xs={12} sm={6} md={3} key={tier}>
            <InfoCard
              title={tierTitle(tier)}
              subheader={`${total} ${total === 1 ? 'entity' : 'entities'}`}
            >
              {STATUSES_WORST_FIRST.map(status => (
                <div key={status}>
                  <Button
                    size="small"
                    style={{ textTransform: 'none' }}
                    disabled={!counts[status]}
                    onClick={() => onSelect(tier, status)}
                    aria-label={`${counts[status] ?? 0} ${
                      STATUS_WORDS[status]
                    } in ${tierTitle(tier)}: show them`}
                  >
                    <PostureStatus status={status}>
                      {`${counts[status] ?? 0} ${STATUS_WORDS[status]}`}
                    </PostureStatus>
                  </Button>
                </div>
              ))}
            </InfoCard>
          </Grid>
        );
      })}
    </Grid>
  );
}

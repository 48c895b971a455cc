import { InfoCard } from '@backstage/core-components';
import {
  STATUSES_WORST_FIRST,
  type CheckStatus,
  type OverviewResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
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

function tierOrder(a: string, b: string): number {
  if (a === 'none') return 1;
  if (b === 'none') return -1;
  return a.localeCompare(b, undefined, { numeric: true });
}

/**
 * One tile per tier with the matching entities per status; each count
 * filters the table to that tier and status.
 */
export function OverviewSummaryTiles(props: {
  summary: OverviewResponse['summary'];
  onSelect: (tier: string, status: CheckStatus) => void;
}) {
  const { summary, onSelect } = props;
  const tiers = Object.keys(summary).sort(tierOrder);
  return (
    <Grid container spacing={2}>
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

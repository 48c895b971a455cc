import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  StatusOK,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';

function BackendStatus() {
  const api = useApi(disasterRecoveryApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard title="Collection">
      <Typography>
        <StatusOK>Backend reachable ({value?.status})</StatusOK>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        The estate overview, restore plan and per-cluster collection health
        appear here once the collector is enabled.
      </Typography>
    </InfoCard>
  );
}

/**
 * The platform team's overview of disaster-recovery posture across the estate.
 *
 * @public
 */
export function DisasterRecoveryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Disaster Recovery"
        subtitle="Backup freshness, restore drills and recovery order across the estate"
      />
      <Content>
        <ContentHeader title="Estate overview" />
        <BackendStatus />
      </Content>
    </Page>
  );
}

import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { ClusterHealthTab } from '../ClusterHealthTab';
import { OverviewTab } from '../OverviewTab';
import { RestorePlanTab } from '../RestorePlanTab';

/**
 * The platform team's view of disaster-recovery posture across the estate:
 * the overview of every visible entity, the restore plan and the health of
 * collection per cluster.
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
        <TabbedLayout>
          <TabbedLayout.Route path="/" title="Overview">
            <OverviewTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/restore-plan" title="Restore plan">
            <RestorePlanTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/collection" title="Collection health">
            <ClusterHealthTab />
          </TabbedLayout.Route>
        </TabbedLayout>
      </Content>
    </Page>
  );
}

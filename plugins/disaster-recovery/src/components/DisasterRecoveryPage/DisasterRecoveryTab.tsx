import { Container } from '@backstage/ui';
import type { ComponentType } from 'react';
import { ClusterHealthTab } from '../ClusterHealthTab';
import { OverviewTab } from '../OverviewTab';
import { RestorePlanTab } from '../RestorePlanTab';
import type { DisasterRecoveryTabPath } from './tabs';

const CONTENT: Record<DisasterRecoveryTabPath, ComponentType> = {
  overview: OverviewTab,
  'restore-plan': RestorePlanTab,
  collection: ClusterHealthTab,
};

/** The content of one tab of the DR page, laid out below the page header. */
export function DisasterRecoveryTab(props: { tab: DisasterRecoveryTabPath }) {
  const Content = CONTENT[props.tab];
  return (
    <Container pt="4">
      <Content />
    </Container>
  );
}

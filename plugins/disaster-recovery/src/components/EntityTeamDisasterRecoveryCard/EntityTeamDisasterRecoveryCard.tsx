import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { useEntityVerdicts } from '../../systems/useEntityVerdicts';
import { VerdictsTable } from '../VerdictsTable';

/** The services shown; the rest are counted. */
const SHOWN = 20;

/**
 * The owner refs of what a Group or User page lists: the group itself, or
 * the user and the groups the user is a member of.
 */
export function teamOwnerRefsOf(entity: Entity): string[] {
  const own = stringifyEntityRef(entity);
  if (entity.kind.toLocaleLowerCase('en-US') !== 'user') return [own];
  const groups = (entity.relations ?? [])
    .filter(r => r.type === RELATION_MEMBER_OF)
    .map(r => r.targetRef);
  return [own, ...groups];
}

/**
 * A card for Group and User pages: the services the team owns and their
 * verdicts, worst first.
 */
export function EntityTeamDisasterRecoveryCard() {
  const { entity } = useEntity();
  const api = useApi(disasterRecoveryApiRef);
  const owners = teamOwnerRefsOf(entity);
  const ownersKey = owners.join(',');
  const page = useAsync(
    () =>
      api.getOverview({
        owner: ownersKey.split(','),
        sort: 'status',
        order: 'desc',
        limit: SHOWN,
      }),
    [api, ownersKey],
  );
  const verdicts = useEntityVerdicts(page.value?.items.map(i => i.entityRef));

  let body;
  if (page.loading) body = <Progress />;
  else if (page.error) body = <ResponseErrorPanel error={page.error} />;
  else if (page.value!.items.length === 0)
    body = (
      <Typography variant="body2">
        The team owns no service with disaster-recovery data.
      </Typography>
    );
  else {
    const { items, totalItems } = page.value!;
    body = (
      <>
        <VerdictsTable
          label="Services of the team by verdict"
          rows={items.map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            status: item.status,
            verdict: verdicts.value?.get(item.entityRef),
          }))}
        />
        {totalItems > items.length && (
          <Typography variant="body2" color="textSecondary">
            {`The ${items.length} worst of ${totalItems} services; the Disaster Recovery overview filtered by this owner lists them all.`}
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Disaster recovery of the team's services">{body}</InfoCard>
  );
}

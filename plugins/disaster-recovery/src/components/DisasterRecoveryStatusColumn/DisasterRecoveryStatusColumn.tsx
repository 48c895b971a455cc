import type { Entity } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { JSX } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { isNotEvaluated } from '../../api/notEvaluated';
import { isDisasterRecoveryAvailable } from '../../isDisasterRecoveryAvailable';
import { PostureStatus } from '../PostureStatus';

/** One catalog row's DR status, read only for entities the plugin covers. */
function EntityDisasterRecoveryStatus(props: { entity: Entity }) {
  const api = useApi(disasterRecoveryApiRef);
  const { entity } = props;
  const posture = useAsync(
    () =>
      api.getEntityPosture({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
    [api, entity],
  );
  if (posture.loading) return <>…</>;
  if (posture.error) {
    return (
      <Typography variant="body2" color="textSecondary">
        {isNotEvaluated(posture.error) ? 'Not evaluated yet' : 'Unavailable'}
      </Typography>
    );
  }
  return <PostureStatus status={posture.value!.summary.status} />;
}

/**
 * A column for the catalog table with each entity's disaster-recovery
 * status; entities without DR data show a dash. Add it to the catalog
 * index page's columns, e.g. `[...defaultColumns, createDisasterRecoveryStatusColumn()]`.
 *
 * @public
 */
export function createDisasterRecoveryStatusColumn(
  options: { title?: string } = {},
): TableColumn<{ entity: Entity }> {
  return {
    title: options.title ?? 'DR status',
    sorting: false,
    render: ({ entity }): JSX.Element =>
      isDisasterRecoveryAvailable(entity) ? (
        <EntityDisasterRecoveryStatus entity={entity} />
      ) : (
        <>—</>
      ),
  };
}

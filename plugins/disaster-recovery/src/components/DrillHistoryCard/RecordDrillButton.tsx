import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { disasterRecoveryDrillCreatePermission } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';

/**
 * "Record drill", enabled for whoever may record drills of the entity and
 * saying which permission it takes to the others.
 */
export function RecordDrillButton(props: {
  entity: CompoundEntityRef;
  onClick: () => void;
}) {
  const { allowed } = usePermission({
    permission: disasterRecoveryDrillCreatePermission,
    resourceRef: stringifyEntityRef(props.entity),
  });
  return (
    <Tooltip
      title={
        allowed
          ? ''
          : `Recording drills for this entity needs the ${disasterRecoveryDrillCreatePermission.name} permission on it`
      }
    >
      <span>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={props.onClick}
          disabled={!allowed}
        >
          Record drill
        </Button>
      </span>
    </Tooltip>
  );
}

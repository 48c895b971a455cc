import {
  drillEvidenceTitle,
  type DrillEvidenceKey,
  type DrillKind,
} from '@dr-posture/plugin-disaster-recovery-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { drillKindInSentence } from '../../drills';

/**
 * What a drill reported as succeeded still lacks to count as succeeded:
 * recorded like this it counts as incomplete.
 */
export function MissingEvidenceNotice(props: {
  kind: DrillKind;
  missing: DrillEvidenceKey[];
}) {
  const { kind, missing } = props;
  if (missing.length === 0) return null;
  return (
    <Alert severity="warning" role="status" style={{ marginTop: 16 }}>
      <AlertTitle>Evidence missing</AlertTitle>
      Recorded like this, the {drillKindInSentence(kind)} counts as incomplete,
      not succeeded. It lacks:
      <ul style={{ margin: 0 }}>
        {missing.map(key => (
          <li key={key}>{drillEvidenceTitle(key)}</li>
        ))}
      </ul>
    </Alert>
  );
}

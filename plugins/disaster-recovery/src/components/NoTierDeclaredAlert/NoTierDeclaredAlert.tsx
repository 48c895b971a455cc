import { CodeSnippet } from '@backstage/core-components';
import { DR_ANNOTATIONS } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

const EXAMPLE = `metadata:
  annotations:
    ${DR_ANNOTATIONS.tier}: "2"
    # optional overrides of the tier's targets
    ${DR_ANNOTATIONS.rpo}: 15m
    ${DR_ANNOTATIONS.rto}: 2h
    ${DR_ANNOTATIONS.runbook}: https://runbooks.example.com/my-service`;

/** Tells the owner how to declare a tier when the entity has none. */
export function NoTierDeclaredAlert(props: { reason?: string }) {
  return (
    <Alert severity="info">
      <AlertTitle>No disaster-recovery tier declared</AlertTitle>
      <Typography variant="body2" gutterBottom>
        {props.reason ? `${props.reason} ` : ''}Without a tier there are no
        recovery point and time objectives to judge backups and drills against.
        Add the <code>{DR_ANNOTATIONS.tier}</code> annotation (1 is the most
        critical) to this entity&apos;s <code>catalog-info.yaml</code>:
      </Typography>
      <CodeSnippet text={EXAMPLE} language="yaml" />
    </Alert>
  );
}

import type {
  EvidenceValue,
  PostureCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RelativeTime } from '../../format';
import { evidenceLabel } from './evidenceLabel';
import { formatEvidenceValue } from './formatEvidenceValue';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const useStyles = makeStyles(theme => ({
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 2, 0.5, 0),
      verticalAlign: 'top',
      fontWeight: 'normal',
    },
    '& th': { color: theme.palette.text.secondary },
  },
}));

function Value(props: { name: string; value: EvidenceValue }) {
  const { name, value } = props;
  if (
    typeof value === 'string' &&
    ISO_TIME.test(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return <RelativeTime time={value} />;
  }
  return <>{formatEvidenceValue(name, value)}</>;
}

/** What a check read and used, for people: the objects and the values, named in words. */
export function CheckEvidence(props: { check: PostureCheck }) {
  const classes = useStyles();
  const { refs, values } = props.check.evidence;
  const entries = Object.entries(values);
  if (refs.length === 0 && entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This check relied on no collected object.
      </Typography>
    );
  }
  return (
    <>
      {entries.length > 0 && (
        <table className={classes.table}>
          <caption style={{ textAlign: 'left' }}>
            <Typography variant="subtitle2" component="span">
              Values it used
            </Typography>
          </caption>
          <tbody>
            {entries.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{evidenceLabel(name)}</th>
                <td>
                  <Value name={name} value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refs.length > 0 && (
        <>
          <Typography variant="subtitle2" component="p">
            Objects it read
          </Typography>
          <ul style={{ marginTop: 0 }}>
            {refs.map(ref => (
              <li
                key={`${ref.kind}/${ref.cluster}/${ref.namespace}/${ref.name}`}
              >
                <code>
                  {ref.kind} {ref.cluster}/{ref.namespace}/{ref.name}
                </code>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

import { InfoCard } from '@backstage/core-components';
import type {
  PostureCheck,
  CheckStatus,
} from '@dr-posture/plugin-disaster-recovery-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { PostureStatus } from '../PostureStatus';
import { formatEvidenceValue } from './formatEvidenceValue';

/** Display order: what needs attention first. */
const ORDER: Record<CheckStatus, number> = {
  fail: 0,
  warn: 1,
  unknown: 2,
  pass: 3,
};

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  evidence: { display: 'block' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 2, 0.5, 0),
      verticalAlign: 'top',
    },
  },
}));

function Evidence(props: { check: PostureCheck }) {
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
      {refs.length > 0 && (
        <>
          <Typography variant="subtitle2">Objects it read</Typography>
          <ul>
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
      {entries.length > 0 && (
        <>
          <Typography variant="subtitle2">Values it used</Typography>
          <table className={classes.table}>
            <tbody>
              {entries.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td>{formatEvidenceValue(key, value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/**
 * Every check of the posture with its status, sentence and, a click away,
 * its evidence; failing checks first.
 */
export function PostureChecksList(props: { checks: PostureCheck[] }) {
  const classes = useStyles();
  const sorted = [...props.checks].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status],
  );
  return (
    <InfoCard title="Checks" noPadding>
      {sorted.map(check => (
        <Accordion
          key={check.id}
          square
          elevation={0}
          TransitionProps={{ unmountOnExit: true }}
        >
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-controls={`check-${check.id}-evidence`}
            id={`check-${check.id}`}
          >
            <div className={classes.summary}>
              <PostureStatus status={check.status}>{check.title}</PostureStatus>
              <Typography variant="body2">{check.summary}</Typography>
            </div>
          </AccordionSummary>
          <AccordionDetails
            id={`check-${check.id}-evidence`}
            className={classes.evidence}
          >
            <Evidence check={check} />
          </AccordionDetails>
        </Accordion>
      ))}
    </InfoCard>
  );
}

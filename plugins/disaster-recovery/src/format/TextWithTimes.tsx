import { RelativeTime } from './RelativeTime';
import { timesInText } from './timesInText';

/**
 * A check's sentence with each ISO 8601 time in it shown as a
 * {@link RelativeTime}.
 */
export function TextWithTimes(props: { text: string; now?: number }) {
  return (
    <>
      {timesInText(props.text).map((part, index) =>
        'time' in part ? (
          // The parts never move, so their position is their identity.
          // eslint-disable-next-line react/no-array-index-key
          <RelativeTime key={index} time={part.time} now={props.now} />
        ) : (
          part.text
        ),
      )}
    </>
  );
}

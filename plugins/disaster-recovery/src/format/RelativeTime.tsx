import { formatAge } from './formatAge';
import { formatDateTime } from './formatDateTime';

/**
 * A time as the entity views show every time: relative to now (`3 h ago`,
 * `in 2 h`), with the absolute time in the reader's zone as its tooltip.
 */
export function RelativeTime(props: { time: string; now?: number }) {
  const { time, now } = props;
  return (
    <time dateTime={time} title={formatDateTime(time)}>
      {formatAge(time, now)}
    </time>
  );
}

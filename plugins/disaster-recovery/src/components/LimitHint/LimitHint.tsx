import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/**
 * A field's helper line: its message on the left, how much of its limit is
 * used on the right (red once over, where the drill would be refused).
 */
export function LimitHint(props: {
  message?: ReactNode;
  used?: number;
  limit?: number;
  unit?: string;
}) {
  const { message, used, limit, unit = 'characters' } = props;
  const counter =
    used !== undefined && limit !== undefined ? (
      <Typography
        component="span"
        variant="caption"
        color={used > limit ? 'error' : 'textSecondary'}
        style={{ marginLeft: 'auto', paddingLeft: 8, whiteSpace: 'nowrap' }}
      >
        {used} / {limit} {unit}
      </Typography>
    ) : null;
  if (!message && !counter) return null;
  return (
    <span style={{ display: 'flex' }}>
      <span>{message}</span>
      {counter}
    </span>
  );
}

import { formatUtc, wallTimeToUtc, type DrillFormField } from '../../drills';
import { DrillTextField, type DrillFieldState } from './DrillTextField';

/** A date-time of the drill, written in the form's time zone and shown as stored, in UTC. */
export function DrillTimeField(props: {
  field: DrillFormField;
  state: DrillFieldState;
  value: string;
  timeZone: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { value, timeZone } = props;
  const utc = value ? wallTimeToUtc(value, timeZone) : undefined;
  return (
    <DrillTextField
      {...props}
      type="datetime-local"
      hint={utc ? `Stored as ${formatUtc(utc)}` : `In ${timeZone}`}
    />
  );
}

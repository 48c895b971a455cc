import { Button } from '@backstage/ui';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { ReactNode } from 'react';

/**
 * A button that shows or hides the element `controls` names, saying which
 * it does (`aria-expanded`). The controlled element stays in the page,
 * `hidden` while collapsed, so that the button always points at it.
 */
export function DisclosureButton(props: {
  expanded: boolean;
  onToggle: () => void;
  /** The id of the element it shows and hides. */
  controls: string;
  /** The button's name for assistive technology, when its text is not enough. */
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const { expanded, onToggle, controls, label, className, children } = props;
  return (
    <Button
      variant="tertiary"
      size="small"
      className={className}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={label}
      iconEnd={
        expanded ? (
          <ExpandLessIcon fontSize="small" />
        ) : (
          <ExpandMoreIcon fontSize="small" />
        )
      }
      onPress={onToggle}
    >
      {children}
    </Button>
  );
}

import { Accordion, AccordionPanel, AccordionTrigger } from '@backstage/ui';
import type { ReactNode } from 'react';

/**
 * A section of the entity tab that starts folded, with its title and a
 * one-line summary. Its content is rendered only while open, so that
 * charts are laid out at their real width and nothing folded is fetched.
 */
export function CollapsibleSection(props: {
  title: string;
  summary?: string;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  children: ReactNode;
}) {
  const { title, summary, expanded, onExpandedChange, children } = props;
  return (
    <Accordion isExpanded={expanded} onExpandedChange={onExpandedChange}>
      <AccordionTrigger level={2} title={title} subtitle={summary} />
      <AccordionPanel>{expanded && children}</AccordionPanel>
    </Accordion>
  );
}

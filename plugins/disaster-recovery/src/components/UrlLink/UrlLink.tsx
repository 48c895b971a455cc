import { Link } from '@backstage/ui';
import type { CSSProperties, ReactNode } from 'react';

/** Web pages open in a new tab; other schemes (mailto:) are left to the browser. */
const WEB_URL = /^https?:\/\//i;

// Inline, unlike @backstage/ui's VisuallyHidden (a div), so that the link
// stays valid inside a paragraph and its accessible name reads as one phrase.
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/**
 * A link to a URL someone declared (a runbook, a drill's evidence): a web
 * page opens in a new tab, announced to screen readers; an app path stays in
 * the app and is routed there. Executable schemes are blocked by the link.
 */
export function UrlLink(props: { url: string; children: ReactNode }) {
  const { url, children } = props;
  if (!WEB_URL.test(url)) {
    return <Link href={url}>{children}</Link>;
  }
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer">
      {children}
      <span style={VISUALLY_HIDDEN}>, opens in a new tab</span>
    </Link>
  );
}

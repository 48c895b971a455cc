import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the part of the page that
 * `include` selects (its main content by default). axe-core is injected as
 * a script: the page needs nothing of it.
 */
export async function accessibilityViolations(
  page: Page,
  include = 'main',
  exclude: string[] = [],
) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(
    ({ selector, excluded }) =>
      (
        window as unknown as {
          axe: {
            run: (context: unknown, options: unknown) => Promise<AxeResults>;
          };
        }
      ).axe.run(
        { include: [[selector]], exclude: excluded.map(e => [e]) },
        {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
          },
        },
      ),
    { selector: include, excluded: exclude },
  );
  return results.violations.map(
    v =>
      `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`,
  );
}

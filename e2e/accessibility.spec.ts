import { expect, test } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { BREACHING_SERVICE, openPortal, openSection } from './portal';

/**
 * Every view of the suite, each waited for by what shows it has its data,
 * and scanned with axe for WCAG 2.1 A and AA violations. The entity tab's
 * first view is scanned in verdict.spec.ts; here it is scanned with every
 * section open.
 */
/**
 * The suite's page has no main landmark: in the New Frontend System the app
 * frames plugin pages, and it sets none. The whole page is scanned, but for
 * the tabs of the page header, which Backstage draws: its tabs are links
 * whose aria-controls name tab panels that are never rendered.
 */
const PAGE = 'body';
const PAGE_HEADER_TABS = '[role="tablist"]';

const VIEWS: {
  name: string;
  path: string;
  ready: string;
  width?: number;
  /** What is scanned: the page's main content unless said. */
  include?: string;
  exclude?: string[];
  sections?: string[];
}[] = [
  {
    name: 'the overview',
    path: '/disaster-recovery/overview',
    include: PAGE,
    exclude: [PAGE_HEADER_TABS],
    ready: 'The whole estate',
  },
  {
    name: 'the overview on a phone',
    path: '/disaster-recovery/overview',
    include: PAGE,
    exclude: [PAGE_HEADER_TABS],
    ready: 'The whole estate',
    width: 390,
  },
  {
    name: 'the restore plan',
    path: '/disaster-recovery/restore-plan',
    include: PAGE,
    exclude: [PAGE_HEADER_TABS],
    ready: 'Restore order of the estate',
  },
  {
    name: 'the collection health',
    path: '/disaster-recovery/collection',
    include: PAGE,
    exclude: [PAGE_HEADER_TABS],
    ready: 'prod-eu-active',
  },
  {
    name: "a System's tab",
    path: '/catalog/default/system/commerce/disaster-recovery',
    ready: 'Restore order',
  },
  {
    name: "a team's card",
    path: '/catalog/default/group/team-payments',
    ready: "Disaster recovery of the team's services",
  },
  {
    name: 'the entity card on the Overview tab',
    path: `/catalog/default/component/${BREACHING_SERVICE}`,
    ready: 'Recoverable within RPO',
  },
  {
    name: 'the entity tab with every section open',
    path: `/catalog/default/component/${BREACHING_SERVICE}/disaster-recovery`,
    ready: 'Disaster-recovery posture',
    sections: [
      'Backup freshness and history',
      'PostgreSQL point-in-time recovery',
      'Backup schedules',
      'Storage locations',
      'Other environments',
      'Drills and restore tests',
      'Availability',
    ],
  },
];

for (const view of VIEWS) {
  test(`${view.name} has no accessibility violation`, async ({ page }) => {
    await openPortal(page, view.path);
    if (view.width)
      await page.setViewportSize({ width: view.width, height: 844 });
    await expect(
      page.getByText(view.ready, { exact: false }).first(),
    ).toBeVisible();
    for (const section of view.sections ?? []) {
      await openSection(page, section);
    }
    // Let what the open sections fetch render before the scan.
    await page.waitForLoadState('networkidle');
    expect(
      await accessibilityViolations(page, view.include, view.exclude),
    ).toEqual([]);
  });
}

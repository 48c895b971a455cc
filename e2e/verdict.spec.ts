import { DEMO_INTENDED_POSTURE } from '@dr-posture/cluster-simulator';
import {
  entityVerdictOf,
  verdictInputOf,
  type EntityPostureResponse,
  type EntityVerdict,
} from '@dr-posture/plugin-disaster-recovery-common';
import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import {
  attachScreenshot,
  BREACHING_SERVICE,
  contentHeight,
  HEALTHY_SERVICE,
  openPortal,
  STATUS_WORDS,
} from './portal';
import { BACKEND, guestToken } from './waitForDemo';

/** The limit: the tab at 1440 px wide, every section folded. */
const MAX_TAB_HEIGHT = 2_500;
/** The first screen at 1440 × 900 answers the verdict. */
const FIRST_SCREEN = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The verdict -common works out from the posture the API answers: what the header must show. */
async function verdictOf(service: string): Promise<EntityVerdict> {
  const response = await fetch(
    `${BACKEND}/api/disaster-recovery/entities/component/default/${service}/posture`,
    { headers: { Authorization: `Bearer ${await guestToken()}` } },
  );
  expect(response.status).toBe(200);
  const posture = (await response.json()) as EntityPostureResponse;
  return entityVerdictOf(verdictInputOf(posture));
}

/** How the header words an RTO answer. */
const RTO_WORDS = {
  met: 'Yes',
  missed: 'No: a drill missed it',
  'not-measured': 'Not proven',
  unknown: 'Unknown',
} as const;

async function openTab(page: Page, service: string) {
  await page.setViewportSize(FIRST_SCREEN);
  await openPortal(
    page,
    `/catalog/default/component/${service}/disaster-recovery`,
  );
  await expect(page.getByText('Disaster-recovery posture')).toBeVisible();
}

/** The answer and evidence under a verdict's label (`Recoverable within RPO`, `RTO proven`). */
function answer(page: Page, label: string) {
  return page
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('+ dd');
}

/** Whether the whole element lies within the first screen. */
async function onFirstScreen(
  page: Page,
  name: string,
  locator = page.getByText(name),
  screen = FIRST_SCREEN,
) {
  const box = (await locator.first().boundingBox())!;
  expect(box, `${name} is laid out`).not.toBeNull();
  expect(
    box.y + box.height,
    `${name} ends within the first screen`,
  ).toBeLessThanOrEqual(screen.height);
}

test('the verdict of a breaching service: not recoverable within RPO, why and what to do, on the first screen', async ({
  page,
}, testInfo) => {
  expect(DEMO_INTENDED_POSTURE[BREACHING_SERVICE].findings).toContain(
    'backup-freshness:fail',
  );
  await openTab(page, BREACHING_SERVICE);

  const verdict = await verdictOf(BREACHING_SERVICE);
  expect(verdict.recoveryPoint.answer).toBe('no');
  await expect(answer(page, 'Recoverable within RPO')).toContainText(
    `${STATUS_WORDS.fail}: No`,
  );
  await expect(answer(page, 'Recoverable within RPO')).toContainText(/RPO \d+/);
  await expect(answer(page, 'RTO proven')).toContainText(
    RTO_WORDS[verdict.recoveryTime.proof],
  );
  await expect(answer(page, 'Top reason')).toContainText(
    verdict.topReason!.title,
  );
  await expect(answer(page, 'Next action')).toContainText(
    verdict.nextAction!.text,
  );

  await onFirstScreen(page, 'Recoverable within RPO');
  await onFirstScreen(page, 'RTO proven');
  await onFirstScreen(page, 'Top reason', answer(page, 'Top reason'));
  await onFirstScreen(
    page,
    'Record drill',
    page.getByRole('button', { name: 'Record drill' }),
  );
  await attachScreenshot(page, testInfo, 'verdict (breaching service)');
});

test('the verdict of a healthy service: recoverable within RPO and RTO proven by a drill', async ({
  page,
}, testInfo) => {
  expect(DEMO_INTENDED_POSTURE[HEALTHY_SERVICE].findings).toEqual([]);
  await openTab(page, HEALTHY_SERVICE);

  await expect(answer(page, 'Recoverable within RPO')).toContainText(
    `${STATUS_WORDS.pass}: Yes`,
  );
  await expect(answer(page, 'Recoverable within RPO')).toContainText(
    /Last clean recovery point .* ago · RPO/,
  );
  const verdict = await verdictOf(HEALTHY_SERVICE);
  expect(verdict.recoveryTime.proof).toBe('met');
  await expect(answer(page, 'RTO proven')).toContainText(
    `${STATUS_WORDS.pass}: Yes`,
  );
  await expect(answer(page, 'RTO proven')).toContainText(
    /ago: achieved .* against RTO/,
  );
  await expect(page.getByText(/^All \d+ checks pass\.$/)).toBeVisible();
  await onFirstScreen(page, 'RTO proven');
  await attachScreenshot(page, testInfo, 'verdict (healthy service)');
});

test('on a phone the verdict comes first and nothing is wider than the screen', async ({
  page,
}, testInfo) => {
  await openTab(page, BREACHING_SERVICE);
  // Signed in at the desktop size (the sidebar tells it), then a phone.
  await page.setViewportSize(PHONE);
  await expect(answer(page, 'Recoverable within RPO')).toContainText(
    `${STATUS_WORDS.fail}: No`,
  );
  await onFirstScreen(page, 'Recoverable within RPO', undefined, PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  await attachScreenshot(page, testInfo, 'verdict (breaching service, phone)');
});

test('passing checks fold into one line; failing, warning and unknown ones stay open', async ({
  page,
}) => {
  await openTab(page, BREACHING_SERVICE);
  const intended = DEMO_INTENDED_POSTURE[BREACHING_SERVICE].findings;

  const open = page.getByRole('list', { name: 'Checks that need attention' });
  await expect(open.locator('[data-check-status]')).toHaveCount(
    intended.length,
  );
  const fold = page.getByRole('button', { name: /\d+ checks? pass(es)?$/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  const passing = page.getByRole('list', {
    name: 'Checks that pass',
    includeHidden: true,
  });
  await expect(passing).toBeHidden();

  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(
    passing.locator('[data-check-status="pass"]').first(),
  ).toBeVisible();
});

for (const service of [BREACHING_SERVICE, HEALTHY_SERVICE]) {
  test(`the tab of ${service} is at most ${MAX_TAB_HEIGHT} px tall at 1440 px, with no accessibility violation`, async ({
    page,
  }) => {
    await openTab(page, service);
    await expect(page.locator('[data-check-status]').first()).toBeAttached();

    const height = await contentHeight(page);
    test.info().annotations.push({
      type: 'tab height',
      description: `${height} px`,
    });
    expect(height).toBeLessThanOrEqual(MAX_TAB_HEIGHT);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

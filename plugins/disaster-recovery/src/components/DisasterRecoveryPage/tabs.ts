/**
 * The tabs of the DR page by path, with their titles. Both frontend systems
 * use these paths, so a link into a tab works in either. Kept apart from the
 * tab components so the New Frontend System can name its sub-pages without
 * loading them.
 */
export const DISASTER_RECOVERY_TABS = {
  overview: 'Overview',
  'restore-plan': 'Restore plan',
  collection: 'Collection health',
} as const;

/** The path of one tab of the DR page, relative to the page. */
export type DisasterRecoveryTabPath = keyof typeof DISASTER_RECOVERY_TABS;

export const DISASTER_RECOVERY_TAB_PATHS = Object.keys(
  DISASTER_RECOVERY_TABS,
) as DisasterRecoveryTabPath[];

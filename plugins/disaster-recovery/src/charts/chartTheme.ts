import type { Theme } from '@material-ui/core/styles';

/** Recharts styles from the app theme, so that charts follow light and dark themes. */
export function chartThemeOf(theme: Theme) {
  return {
    tick: { fill: theme.palette.text.secondary, fontSize: 12 },
    tooltip: {
      background: theme.palette.background.paper,
      color: theme.palette.text.primary,
    },
  };
}

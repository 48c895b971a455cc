import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

// The demo grants everything; a real portal plugs in its own policy here.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-kubernetes-backend'));

// Posture changes reach owners (notifications) and open pages (signals).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@dr-posture/plugin-disaster-recovery-backend'));
// Serves the actions of backend.actions.pluginSources to MCP clients.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@backstage-community/plugin-tech-insights-backend'));
// Runs the checks of techInsights.factChecker.checks (the DR defaults).
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@dr-posture/plugin-tech-insights-backend-module-disaster-recovery'),
);

backend.start();

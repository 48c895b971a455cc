import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ActionContext } from './actionContext';
import { registerGetEntityPostureAction } from './getEntityPostureAction';
import { registerGetRestorePlanAction } from './getRestorePlanAction';
import { registerListFindingsAction } from './listFindingsAction';

/**
 * Registers the read actions that MCP clients (through
 * `@backstage/plugin-mcp-actions-backend`) and other action callers use.
 * Each reads what the REST API reads, with the caller's credentials.
 */
export function registerActions(
  registry: ActionsRegistryService,
  context: ActionContext,
) {
  registerGetEntityPostureAction(registry, context);
  registerListFindingsAction(registry, context);
  registerGetRestorePlanAction(registry, context);
}

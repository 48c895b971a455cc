import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RouteContext } from '../service/routes/context';

/** What the actions read with: the stores and catalog the REST routes use. */
export interface ActionContext
  extends Pick<RouteContext, 'catalog' | 'postures' | 'cursors' | 'policies'> {
  logger: LoggerService;
}

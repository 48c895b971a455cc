/**
 * Body of `GET /api/disaster-recovery/health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
  /** Ids of the sources added by backend modules through the extension point. */
  sources: string[];
}

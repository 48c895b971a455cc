import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the DR overview page. */
export const rootRouteRef = createRouteRef({
  id: 'disaster-recovery',
});

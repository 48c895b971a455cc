import type { Entity } from '@backstage/catalog-model';
import type { RouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis as frontendMockApis } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { disasterRecoveryApiRef, type DisasterRecoveryApi } from '../api';

/** An API whose every method fails the test unless the test overrides it. */
export function mockDisasterRecoveryApi(
  overrides: Partial<DisasterRecoveryApi>,
): DisasterRecoveryApi {
  const unexpected = (name: string) => () =>
    Promise.reject(new Error(`unexpected call of ${name}`));
  return {
    getHealth: unexpected('getHealth'),
    getEntityPosture: unexpected('getEntityPosture'),
    getBackupHistory: unexpected('getBackupHistory'),
    getDrills: unexpected('getDrills'),
    recordDrill: unexpected('recordDrill'),
    voidDrill: unexpected('voidDrill'),
    supersedeDrill: unexpected('supersedeDrill'),
    getOverview: unexpected('getOverview'),
    getRestorePlan: unexpected('getRestorePlan'),
    getClusters: unexpected('getClusters'),
    getSystemPosture: unexpected('getSystemPosture'),
    getPostureHistory: unexpected('getPostureHistory'),
    getEstateHistory: unexpected('getEstateHistory'),
    ...overrides,
  };
}

/** Renders in a test app with the API, permissions and, optionally, an entity. */
export async function renderWithApi(
  element: ReactElement,
  options: {
    api: DisasterRecoveryApi;
    entity?: Entity;
    drillCreateAllowed?: boolean;
    /** Whether the user holds `disaster-recovery.drill.admin`; not by default. */
    drillAdminAllowed?: boolean;
    /** The signed-in user; `user:default/test` by default. */
    userEntityRef?: string;
    mountedRoutes?: Record<string, RouteRef>;
    /** What the catalog holds, for components that list entities. */
    catalogEntities?: Entity[];
    /** The app's location at the start, e.g. `['/?tier=1']`. */
    routeEntries?: string[];
  },
): Promise<RenderResult & { toastApi: MockToastApi }> {
  const permissionApi = mockApis.permission({
    authorize: request => {
      const allowed =
        request.permission.name === 'disaster-recovery.drill.admin'
          ? options.drillAdminAllowed === true
          : options.drillCreateAllowed !== false;
      return allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
    },
  });
  const toastApi = frontendMockApis.toast.mock();
  // usePermission caches answers in SWR's global cache; each render starts afresh.
  const rendered = await renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [disasterRecoveryApiRef, options.api],
          [permissionApiRef, permissionApi],
          [coreApis.toast, toastApi],
          [
            coreApis.identity,
            mockApis.identity({ userEntityRef: options.userEntityRef }),
          ],
          [
            catalogApiRef,
            catalogApiMock({ entities: options.catalogEntities }),
          ],
        ]}
      >
        {options.entity ? (
          <EntityProvider entity={options.entity}>{element}</EntityProvider>
        ) : (
          element
        )}
      </TestApiProvider>
    </SWRConfig>,
    {
      mountedRoutes: options.mountedRoutes,
      routeEntries: options.routeEntries,
    },
  );
  return { ...rendered, toastApi };
}

/** A toast API whose `post` is a jest mock. */
type MockToastApi = ReturnType<typeof frontendMockApis.toast.mock>;

/** A `ResponseError` as the backend would send it. */
export async function responseError(
  status: number,
  message: string,
  name = status === 400 ? 'InputError' : 'Error',
) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

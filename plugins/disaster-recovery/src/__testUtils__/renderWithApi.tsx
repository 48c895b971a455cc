import type { Entity } from '@backstage/catalog-model';
import type { RouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
    getOverview: unexpected('getOverview'),
    getRestorePlan: unexpected('getRestorePlan'),
    getClusters: unexpected('getClusters'),
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
    mountedRoutes?: Record<string, RouteRef>;
    /** What the catalog holds, for components that list entities. */
    catalogEntities?: Entity[];
  },
) {
  const permissionApi = mockApis.permission({
    authorize:
      options.drillCreateAllowed === false
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  // usePermission caches answers in SWR's global cache; each render starts afresh.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [disasterRecoveryApiRef, options.api],
          [permissionApiRef, permissionApi],
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
    { mountedRoutes: options.mountedRoutes },
  );
}

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

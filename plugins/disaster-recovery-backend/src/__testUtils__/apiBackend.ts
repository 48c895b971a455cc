import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { Server } from 'node:http';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { disasterRecoveryPlugin } from '../plugin';
import { catalogHidingFromMallory } from './catalogHiding';

export { MALLORY, userOf } from './catalogHiding';

function component(
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
): Entity {
  const owner = (spec.owner as string | undefined) ?? 'group:default/team-a';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      ...spec,
      owner,
    },
    relations: [
      { type: 'ownedBy', targetRef: owner },
      { type: 'partOf', targetRef: 'system:default/commerce' },
      ...((spec.dependsOn as string[] | undefined) ?? []).map(targetRef => ({
        type: 'dependsOn',
        targetRef,
      })),
    ],
  };
}

/** The API tests' estate: a system, three mapped services and one unmapped. */
const commerce: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'commerce', namespace: 'default' },
  spec: { owner: 'group:default/team-a' },
};

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

export const entities = [
  commerce,
  component(
    'payments-api',
    {
      'disaster-recovery/tier': '1',
      'backstage.io/kubernetes-id': 'payments-api',
    },
    { dependsOn: ['component:default/ledger-db'] },
  ),
  component(
    'ledger-db',
    { 'disaster-recovery/tier': '3' },
    { owner: 'group:default/team-b' },
  ),
  component('secret-service', { 'disaster-recovery/tier': '2' }),
  // Neither a tier nor a Kubernetes mapping: no posture is ever worked out.
  component('docs-site', {}),
  user('mock'),
  user('mallory'),
];

/** A catalog where mallory may not read secret-service. */
const catalogWithHiddenEntity = () =>
  catalogHidingFromMallory(entities, 'component:default/secret-service');

/**
 * A backend whose scheduled tasks never run by themselves: `evaluate` runs
 * the posture evaluation as its schedule would. `permissions`, `auditor`
 * and `config` replace the allow-everything permissions, the default
 * auditor and the empty config.
 */
export async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    permissions?: ServiceFactory;
    auditor?: ServiceFactory;
    /** App config, e.g. `disasterRecovery.drills`. */
    config?: JsonObject;
    evaluated?: boolean;
    /** More service factories, e.g. a notification service that records. */
    services?: ServiceFactory[];
  } = {},
): Promise<Server & { evaluate: () => Promise<void> }> {
  const tasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, async () => {
        await task.fn(new AbortController().signal);
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      disasterRecoveryPlugin,
      catalogWithHiddenEntity().factory,
      scheduler.factory,
      options.permissions ??
        mockServices.permissions.factory({
          result: options.permission ?? AuthorizeResult.ALLOW,
        }),
      ...(options.auditor ? [options.auditor] : []),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.services ?? []),
    ],
  });
  const evaluate = async () => {
    const task = tasks.get('evaluate-posture');
    if (!task) throw new Error('The plugin scheduled no posture evaluation');
    await task();
  };
  if (options.evaluated ?? true) await evaluate();
  return Object.assign(server, { evaluate });
}

/** Each field must be named in the message of a 400. */
export function expectFieldsNamed(message: string, fields: string[]) {
  for (const field of fields) expect(message).toContain(field);
}

export const BASE = '/api/disaster-recovery';
export const PAYMENTS = `${BASE}/entities/component/default/payments-api`;
export const SECRET = `${BASE}/entities/component/default/secret-service`;

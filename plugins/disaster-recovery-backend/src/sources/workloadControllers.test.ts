import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { workloadsSource } from './workloads';

const kind = (id: string) =>
  workloadsSource.resourceKinds.find(k => k.id === id)!;
const parse = (id: string, object: unknown) =>
  kind(id).toRow(object).record as Record<string, unknown>;

const labels = { 'app.kubernetes.io/name': 'payments' };

/** A Deployment as the API server returns it, with `template` overrides. */
function deployment(template: object = {}, extra: object = {}) {
  return {
    metadata: { name: 'payments', namespace: 'payments', uid: 'uid-d' },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'payments',
              image: 'demo/payments:1.0',
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              resources: { limits: { cpu: '1', memory: '1Gi' } },
            },
          ],
          ...template,
        },
      },
    },
    status: { readyReplicas: 2 },
    ...extra,
  };
}

describe('a Deployment or StatefulSet as collected', () => {
  it('keeps its replicas, containers, probes and requests (limits stand in for requests)', () => {
    expect(parse(RECORD_KINDS.deployment.id, deployment())).toMatchObject({
      kind: 'Deployment',
      replicas: 3,
      readyReplicas: 2,
      selector: { matchLabels: labels },
      podLabels: labels,
      containers: [
        {
          name: 'payments',
          image: 'demo/payments:1.0',
          readinessProbe: true,
          livenessProbe: false,
          requests: ['cpu', 'memory'],
        },
      ],
      spread: [],
    });
  });

  it.each<[string, object, object[]]>([
    [
      'required anti-affinity against its own pods',
      {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                topologyKey: 'kubernetes.io/hostname',
                labelSelector: { matchLabels: labels },
              },
            ],
          },
        },
      },
      [
        {
          topologyKey: 'kubernetes.io/hostname',
          how: 'anti-affinity',
          required: true,
        },
      ],
    ],
    [
      'preferred anti-affinity against another workload, which spreads nothing of its own',
      {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  topologyKey: 'kubernetes.io/hostname',
                  labelSelector: { matchLabels: { app: 'other' } },
                },
              },
            ],
          },
        },
      },
      [],
    ],
    [
      'a zone spread constraint that only scores',
      {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: labels },
          },
        ],
      },
      [
        {
          topologyKey: 'topology.kubernetes.io/zone',
          how: 'topology-spread',
          required: false,
        },
      ],
    ],
  ])('reads %s', (_case, template, spread) => {
    expect(
      parse(RECORD_KINDS.deployment.id, deployment(template)).spread,
    ).toEqual(spread);
  });

  it('reads a documented singleton, and 0 ready replicas when the status omits them', () => {
    const record = parse(
      RECORD_KINDS.statefulSet.id,
      deployment(
        {},
        {
          metadata: {
            name: 'reconciler',
            namespace: 'payments',
            uid: 'uid-s',
            annotations: { 'disaster-recovery/singleton': 'leader-elected' },
          },
          status: {},
        },
      ),
    );
    expect(record).toMatchObject({
      kind: 'StatefulSet',
      readyReplicas: 0,
      singletonReason: 'leader-elected',
    });
  });

  it('skips a template without containers as malformed, naming the field', () => {
    expect(() =>
      parse(RECORD_KINDS.deployment.id, deployment({ containers: [] })),
    ).toThrow('spec.template.spec.containers');
  });
});

describe('budgets and autoscalers as collected', () => {
  it.each<[string, object, object]>([
    [
      'a percentage',
      { selector: { matchLabels: labels }, minAvailable: '50%' },
      { selector: { matchLabels: labels }, minAvailable: '50%' },
    ],
    [
      'no selector, which selects no pod',
      { maxUnavailable: 1 },
      { selector: undefined, maxUnavailable: 1 },
    ],
  ])('keeps a PodDisruptionBudget with %s', (_case, spec, expected) => {
    const record = parse(RECORD_KINDS.podDisruptionBudget.id, {
      metadata: { name: 'payments', namespace: 'payments', uid: 'uid-p' },
      spec,
    });
    for (const [key, value] of Object.entries(expected)) {
      expect([key, record[key]]).toEqual([key, value]);
    }
  });

  it('defaults an autoscaler minimum to 1, as the API server does', () => {
    expect(
      parse(RECORD_KINDS.horizontalPodAutoscaler.id, {
        metadata: { name: 'payments', namespace: 'payments', uid: 'uid-h' },
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'payments',
          },
          maxReplicas: 5,
        },
      }),
    ).toMatchObject({
      target: { kind: 'Deployment', name: 'payments' },
      minReplicas: 1,
      maxReplicas: 5,
    });
  });
});

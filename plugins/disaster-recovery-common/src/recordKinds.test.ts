import {
  defineRecordKind,
  postureRecordsOf,
  RECORD_KINDS,
  recordsOf,
} from './recordKinds';
import type { CollectedObject } from './records';

const object = (name: string, cluster = 'prod'): CollectedObject => ({
  cluster,
  namespace: 'ns',
  name,
  uid: `uid-${cluster}-${name}`,
  labels: {},
  lastSeenAt: '2025-06-11T12:00:00Z',
});

describe('the record-kind registry', () => {
  it('declares each kind id once', () => {
    const ids = Object.values(RECORD_KINDS).map(kind => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts records under their posture key, and kinds without one by id', () => {
    const widgets = defineRecordKind<CollectedObject>({
      id: 'example.com/Widget',
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      plural: 'widgets',
    });
    const records = postureRecordsOf([
      { kind: RECORD_KINDS.pod, records: [object('pod-a')] },
      { kind: RECORD_KINDS.persistentVolumeClaim, records: [object('pvc-a')] },
      { kind: widgets, records: [object('w', 'prod'), object('w', 'dr')] },
    ]);
    expect(records.workloads?.map(w => w.name)).toEqual(['pod-a', 'pvc-a']);
    expect(recordsOf(widgets, records).map(w => w.cluster)).toEqual([
      'prod',
      'dr',
    ]);
    expect(recordsOf(RECORD_KINDS.veleroBackup, records)).toEqual([]);
  });
});

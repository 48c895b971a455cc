import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { veleroSource } from './velero';

const restoreKind = veleroSource.resourceKinds.find(
  kind => kind.id === RECORD_KINDS.veleroRestore.id,
)!;
const parse = (object: unknown) =>
  restoreKind.toRow(object).record as Record<string, unknown>;

const restore = (spec: object, status?: object) => ({
  metadata: { name: 'payments-restore', namespace: 'velero', uid: 'uid-1' },
  spec: { backupName: 'payments-hourly-1', ...spec },
  ...(status ? { status } : {}),
});

describe('a Velero Restore as collected', () => {
  it.each<[string, ReturnType<typeof restore>, Record<string, unknown>]>([
    [
      'the items it restored',
      restore(
        {},
        { phase: 'Completed', progress: { totalItems: 14, itemsRestored: 14 } },
      ),
      { itemsRestored: 14, errors: 0 },
    ],
    [
      'a progress that leaves out zero items',
      restore({}, { phase: 'Completed', progress: { totalItems: 3 } }),
      { itemsRestored: 0 },
    ],
    [
      'no progress, as older restores have',
      restore({}, { phase: 'Completed' }),
      { itemsRestored: undefined },
    ],
    [
      'its resource filters',
      restore({
        includedResources: ['persistentvolumeclaims'],
        excludedResources: ['pods'],
      }),
      {
        includedResources: ['persistentvolumeclaims'],
        excludedResources: ['pods'],
      },
    ],
    [
      'no resource filters',
      restore({}),
      { includedResources: undefined, excludedResources: undefined },
    ],
  ])('keeps %s', (_case, object, expected) => {
    const record = parse(object);
    for (const [key, value] of Object.entries(expected)) {
      expect([key, record[key]]).toEqual([key, value]);
    }
  });
});

import { backup } from '../__testUtils__/fixtures';
import { backupIndexOf } from './backupIndex';

const estate = [
  backup({ name: 'payments-1', includedNamespaces: ['payments'] }),
  backup({ name: 'everything', includedNamespaces: [], scheduleName: 'all' }),
  backup({ name: 'gone', deletedAt: '2025-06-01T00:00:00Z' }),
  backup({ name: 'both', includedNamespaces: ['orders', 'payments'] }),
  backup({ name: 'teams', includedNamespaces: ['team-*'], scheduleName: undefined }),
  backup({ name: 'orders-1', includedNamespaces: ['orders'], scheduleName: 'orders' }),
  backup({ name: 'dr-payments', cluster: 'dr', includedNamespaces: ['payments'] }),
];
const names = (backups: Array<{ name: string }>) => backups.map(b => b.name);

describe('backupIndexOf', () => {
  it.each([
    [['payments'], ['payments-1', 'everything', 'both', 'teams', 'dr-payments']],
    [['orders'], ['everything', 'both', 'teams', 'orders-1']],
    [['orders', 'payments'], ['payments-1', 'everything', 'both', 'teams', 'orders-1', 'dr-payments']],
    [['search'], ['everything', 'teams']],
  ])(
    'offers the live backups that may include %j, each once, in estate order',
    (namespaces, expected) => {
      expect(names(backupIndexOf(estate).mayIncludeAny(namespaces))).toEqual(expected);
    },
  );

  it('finds the live backups of schedules by cluster, namespace and name', () => {
    const index = backupIndexOf(estate);
    const payments = { cluster: 'prod', namespace: 'velero', name: 'payments-hourly' };
    expect(names(index.ofSchedules([payments]))).toEqual(['payments-1', 'both']);
    expect(names(index.ofSchedules([payments, payments]))).toEqual(['payments-1', 'both']);
    expect(names(index.ofSchedules([{ ...payments, cluster: 'dr' }]))).toEqual(['dr-payments']);
    expect(index.ofSchedules([{ ...payments, name: 'nightly' }])).toEqual([]);
  });

  it('builds one index per backups array', () => {
    expect(backupIndexOf(estate)).toBe(backupIndexOf(estate));
    expect(backupIndexOf([...estate])).not.toBe(backupIndexOf(estate));
  });
});

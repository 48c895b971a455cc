import { plural, refOf } from './context';
import { defineCheck, verdict } from './definition';
import type { EvidenceRef } from './types';
import { storageLocationOf } from './storageLocations';
import { isCleanRecoveryPoint } from './veleroBackupPhases';

/** One backup copy of the entity's data and the failure domain it sits in. */
interface Copy {
  ref: EvidenceRef;
  /** Where the bytes are: two locations pointing at one bucket are one copy. */
  place: string;
  provider: string;
  region?: string;
}

function providerOfPath(destinationPath: string): string {
  const scheme = /^([a-z0-9]+):\/\//i.exec(destinationPath)?.[1]?.toLowerCase();
  if (scheme === 'gs') return 'gcp';
  if (scheme === 's3') return 'aws';
  return destinationPath.includes('.blob.core.windows.net')
    ? 'azure'
    : scheme ?? 'unknown';
}

export const copies321 = defineCheck<
  'copies-3-2-1',
  {
    copies: number;
    media: number;
    places: string[];
    requiredCopies: number;
    requiredOffsiteCopies: number;
    offsiteCopies: number | null;
  }
>({
  id: 'copies-3-2-1',
  title: '3-2-1 copies',
  appliesTo: 'Entities whose tier sets a copy policy.',
  docs: "3-2-1: enough copies (the live data counts as one), on two kinds of storage, with the tier's number of copies off-site. A backup copy is a distinct bucket holding a clean Velero backup of the entity, or the barman-cloud ObjectStore of one of its databases; the live data is on cluster volumes, so any backup copy makes two media. Off-site is judged between the backup copies — a different provider, or a different region of the same one — because the collector does not know where the cluster runs; a copy with no region cannot be placed. Object-lock immutability is not visible in the BackupStorageLocation, so it is not judged.",
  scorecard: {
    id: 'disasterRecoveryCopies321',
    name: '3-2-1 backup copies',
    description:
      "Enough copies on two kinds of storage, with the tier's off-site copies.",
    fact: 'copies321Met',
  },
  evaluate: context => {
    const { tier } = context.policy;
    if (!tier.ok) return verdict('unknown', `No copy policy: ${tier.reason}`);
    const copies = new Map<string, Copy>();
    for (const backup of context.coverage.backups) {
      if (!isCleanRecoveryPoint(backup, context.now)) continue;
      const { record } = storageLocationOf(context, backup, backup);
      if (!record) continue;
      const place = `${record.provider}:${record.bucket ?? record.name}/${
        record.prefix ?? ''
      }`;
      copies.set(place, {
        ref: refOf('BackupStorageLocation', record),
        place,
        provider: record.provider,
        region: record.region,
      });
    }
    for (const cluster of context.postgres.clusters) {
      const store = context.postgres.objectStores.find(
        s =>
          s.cluster === cluster.cluster &&
          s.namespace === cluster.namespace &&
          s.name === cluster.pluginObjectStore?.name,
      );
      if (store?.destinationPath) {
        copies.set(store.destinationPath, {
          ref: refOf('ObjectStore', store),
          place: store.destinationPath,
          provider: providerOfPath(store.destinationPath),
        });
      }
    }
    const backupCopies = [...copies.values()];
    const total = backupCopies.length + 1;
    const { minimumCopies, minimumOffsiteCopies } = tier.value;
    const refs = backupCopies.map(copy => copy.ref);
    const providers = new Set(backupCopies.map(copy => copy.provider));
    const unplaced = backupCopies.filter(copy => copy.region === undefined);
    const domains = new Set(
      backupCopies.map(copy => `${copy.provider}/${copy.region ?? '?'}`),
    );
    const placeable = !(providers.size === 1 && unplaced.length > 0);
    const offsite = Math.max(0, domains.size - 1);
    const values = {
      copies: total,
      media: backupCopies.length > 0 ? 2 : 1,
      places: backupCopies.map(copy => copy.place),
      requiredCopies: minimumCopies,
      requiredOffsiteCopies: minimumOffsiteCopies,
      // Scorecards read it whatever the verdict; null when copies cannot be placed.
      offsiteCopies: placeable ? offsite : null,
    };
    if (total < minimumCopies) {
      return verdict(
        'fail',
        `Only ${plural(
          total,
          'copy',
          'copies',
        )} of the data exist (the live data and ${plural(
          backupCopies.length,
          'backup location',
        )}); ${tier.value.title} needs ${minimumCopies}.`,
        refs,
        values,
      );
    }
    if (minimumOffsiteCopies === 0) {
      return verdict(
        'pass',
        `${total} copies on 2 kinds of storage; ${tier.value.title} needs no off-site copy.`,
        refs,
        values,
      );
    }
    if (!placeable) {
      return verdict(
        'unknown',
        `${total} copies exist, all with provider ${
          [...providers][0]
        }, but ${plural(unplaced.length, 'location')} ${
          unplaced.length === 1 ? 'reports' : 'report'
        } no region, so an off-site copy cannot be confirmed.`,
        refs,
        values,
      );
    }
    if (offsite < minimumOffsiteCopies) {
      return verdict(
        'fail',
        `${total} copies exist, but all backup copies are in ${
          [...domains][0]
        }: none is off-site (another region, account or provider).`,
        refs,
        values,
      );
    }
    return verdict(
      'pass',
      `${total} copies on 2 kinds of storage across ${
        domains.size
      } failure domains (${[...domains].join(', ')}), so at least ${plural(
        offsite,
        'copy',
        'copies',
      )} ${offsite === 1 ? 'is' : 'are'} off-site.`,
      refs,
      values,
    );
  },
});

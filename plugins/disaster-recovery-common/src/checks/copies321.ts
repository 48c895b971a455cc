import { plural } from './context';
import { defineCheck, verdict, type Verdict } from './definition';
import { entityDataSets, type DataSet } from './dataSets';
import { worstStatus } from '../posture/worstStatus';
import type { CheckStatus } from './types';

type Values = {
  copies: number;
  media: number;
  places: string[];
  requiredCopies: number;
  requiredOffsiteCopies: number;
  offsiteCopies: number | null;
  immutableCopies: number;
};

interface Judged {
  status: CheckStatus;
  sentence: string;
  copies: number;
  media: number;
  offsite: number | null;
}

function judgeDataSet(
  set: DataSet,
  required: { copies: number; offsite: number; title: string },
): Judged {
  if (set.unknownReason) {
    return {
      status: 'unknown',
      sentence: `${set.label}: ${set.unknownReason}`,
      copies: 1,
      media: 1,
      offsite: null,
    };
  }
  const total = set.copies.length + 1;
  const media = 1 + set.copies.filter(c => !c.onLiveMedium).length;
  const requiredMedia = Math.min(2, required.copies);
  const offsite = set.copies.filter(
    c => c.offsite === 'yes' && !c.notCurrent && !c.currencyUnknown,
  );
  const offsiteUnknown = set.copies.filter(
    c =>
      !c.notCurrent &&
      (c.offsite === 'unknown' || (c.offsite === 'yes' && c.currencyUnknown)),
  );
  const base = { copies: total, media, offsite: offsite.length };
  if (total < required.copies || media < requiredMedia) {
    return {
      ...base,
      status: 'fail',
      sentence: `${set.label} has ${plural(
        total,
        'copy',
        'copies',
      )} on ${plural(media, 'storage system')} (the live data and ${
        set.copies.length === 0
          ? 'no backup copy'
          : set.copies.map(c => c.label).join(', ')
      }); ${required.title} needs ${
        required.copies
      } on ${requiredMedia}: add a backup to another storage system.`,
    };
  }
  if (offsite.length >= required.offsite) {
    return {
      ...base,
      status: 'pass',
      sentence: `${set.label} has ${total} copies on ${media} storage systems${
        offsite.length > 0
          ? `, ${offsite.length} current off-site (${offsite
              .map(c => c.label)
              .join(', ')})`
          : ''
      }.`,
    };
  }
  if (offsite.length + offsiteUnknown.length >= required.offsite) {
    return {
      ...base,
      offsite: null,
      status: 'unknown',
      sentence: `${set.label}: whether ${offsiteUnknown
        .map(c => c.label)
        .join(', ')} ${
        offsiteUnknown.length === 1 ? 'is a' : 'are'
      } current off-site ${
        offsiteUnknown.length === 1 ? 'copy' : 'copies'
      } cannot be told (${offsiteUnknown
        .map(
          c =>
            c.currencyUnknown ??
            `the provider or region of ${c.label} or of its cluster is not known`,
        )
        .join('; ')}).`,
    };
  }
  const stale = set.copies.filter(c => c.offsite === 'yes' && c.notCurrent);
  return {
    ...base,
    status: 'fail',
    sentence: `${set.label} has ${plural(
      offsite.length,
      'current off-site copy',
      'current off-site copies',
    )}; ${required.title} needs ${required.offsite}${
      stale.length > 0
        ? `: ${stale.map(c => c.notCurrent).join('; ')}`
        : ': every copy is in the same provider, account and region as the cluster holding the data; copy to another region, account or provider'
    }.`,
  };
}

export const copies321 = defineCheck<'copies-3-2-1', Values>({
  id: 'copies-3-2-1',
  title: '3-2-1 copies',
  appliesTo: 'Entities whose tier sets a copy policy.',
  docs: "3-2-1, counted per data set (the workloads' volume data from Velero, each CloudNativePG database from its barman object store): enough copies (the live data counts as one), on at least two distinct storage systems, with the tier's number of copies off-site. A copy is a distinct storage system (provider, endpoint or account, bucket and prefix): two locations on one bucket are one copy; an unmoved volume snapshot is a copy on the live data's own medium and failure domain. A backup holding only manifests is no copy of volume data, and a Velero backup is not a copy of a database. Off-site means another provider, account or region than the cluster holding the data (cluster facts from config); a copy or cluster whose provider or region is unknown cannot be placed (unknown). An off-site copy counts only while current: its location is Available and its newest clean copy is no older than the larger of the RPO and its schedule's cadence plus the schedule grace (a database's while WAL archiving works). Tiers listed in `immutableCopyTiers` (default tier 1) warn without a copy marked immutable (`disaster-recovery/immutable: \"true\"` on the BackupStorageLocation).",
  scorecard: {
    id: 'disasterRecoveryCopies321',
    name: '3-2-1 backup copies',
    description:
      "Enough copies on two storage systems, with the tier's current off-site copies.",
    fact: 'copies321Met',
  },
  evaluate: (context): Verdict<Values> | undefined => {
    const { tier } = context.policy;
    if (!tier.ok) return verdict('unknown', `No copy policy: ${tier.reason}`);
    const found = entityDataSets(context);
    if ('result' in found) return found.result;
    const { sets } = found;
    const required = {
      copies: tier.value.minimumCopies,
      offsite: tier.value.minimumOffsiteCopies,
      title: tier.value.title,
    };
    const judged = sets.map(set => judgeDataSet(set, required));
    const allCopies = sets.flatMap(set => set.copies);
    const immutable = allCopies.filter(c => c.immutable === true);
    const offsites = judged.map(j => j.offsite);
    const values: Values = {
      copies: Math.min(...judged.map(j => j.copies)),
      media: Math.min(...judged.map(j => j.media)),
      places: [...new Set(allCopies.map(c => c.label))],
      requiredCopies: required.copies,
      requiredOffsiteCopies: required.offsite,
      offsiteCopies: offsites.includes(null)
        ? null
        : Math.min(...(offsites as number[])),
      immutableCopies: immutable.length,
    };
    const refs = allCopies.map(c => c.ref);
    const status = worstStatus(judged.map(j => j.status));
    if (status !== 'pass') {
      const named = judged
        .filter(j => j.status !== 'pass')
        .map(j => j.sentence)
        .join(' ');
      return verdict(status, named, refs, values);
    }
    const summary = judged.map(j => j.sentence).join(' ');
    if (
      context.immutableCopyTiers.includes(tier.value.id) &&
      immutable.length === 0
    ) {
      return verdict(
        'warn',
        `${summary} No copy is known to be immutable, which ${required.title} asks for: enable object lock on a bucket and mark its location disaster-recovery/immutable: "true".`,
        refs,
        values,
      );
    }
    return verdict('pass', summary, refs, values);
  },
});

import type { ObservedPlacement } from '../availability/placement';
import { otherFailureDomain } from '../availability/standbys';
import { describeController } from '../availability/workloadControllers';
import type { HaPattern } from '../policy';
import { worstStatus } from '../posture/worstStatus';
import { databasePlacement, entityWorkloads } from './availabilityScope';
import { describeRef, type PostureContext } from './context';
import { judgeDatabaseHa } from './databaseHa';
import { entityDataSets } from './dataSets';
import { standbyComparison } from './standbyParity';
import { postgresClustersToJudge } from './postgresScope';
import type { CheckStatus } from './types';

/** Whether the estate shows the declared pattern is real, and what is missing if not. */
export interface PatternProof {
  status: Extract<CheckStatus, 'pass' | 'fail' | 'unknown'>;
  /** What proves it, or what is missing. */
  text: string;
}

type Part = PatternProof;

function combine(parts: Part[], proven: string): PatternProof {
  const status = worstStatus(
    parts.map(p => p.status),
  ) as PatternProof['status'];
  if (status === 'pass') return { status, text: proven };
  return {
    status,
    text: parts
      .filter(p => p.status !== 'pass')
      .map(p => p.text)
      .join('; '),
  };
}

/** Hot-warm: a standby of each production cluster, in another region or provider, holding the entity. */
function hotWarm(context: PostureContext): PatternProof {
  const { clusters } = context;
  if (!clusters) {
    return {
      status: 'unknown',
      text: 'no cluster facts were given, so no standby can be found',
    };
  }
  const { productionClusters, standbys, rows } = standbyComparison(context);
  if (productionClusters.length === 0) {
    return {
      status: 'unknown',
      text: 'no workload or database of it was found on a production cluster',
    };
  }
  const parts = productionClusters.map((name): Part => {
    const production = clusters.get(name);
    const own = standbys.filter(s => s.standbyFor === name);
    if (!production || own.length === 0) {
      return {
        status: 'fail',
        text: `no standby cluster stands in for ${name}`,
      };
    }
    const judged = own.map((standby): Part => {
      const holds = rows.some(
        r => r.standbyCluster === standby.name && r.state !== 'missing',
      );
      const domain = otherFailureDomain(production, standby);
      if (domain === 'unknown') {
        return {
          status: 'unknown',
          text: `the region of ${
            production.region ? standby.name : name
          } is not configured, so whether standby ${
            standby.name
          } is in another failure domain cannot be told`,
        };
      }
      if (domain === 'no') {
        return {
          status: 'fail',
          text: `standby ${standby.name} is in ${name}'s region (${production.region}): a region loss takes both`,
        };
      }
      return holds
        ? { status: 'pass', text: `${standby.name} (${standby.region})` }
        : {
            status: 'fail',
            text: `standby ${standby.name} holds none of its workloads or databases`,
          };
    });
    return judged.find(j => j.status === 'pass') ?? combine(judged, '');
  });
  return combine(
    parts,
    `a standby in another failure domain holds it (${parts
      .map(p => p.text)
      .join(', ')})`,
  );
}

/** Hot-cold: every data set has a current copy outside its cluster's region. */
function hotCold(context: PostureContext): PatternProof {
  const found = entityDataSets(context);
  if ('result' in found) {
    return {
      status: 'unknown',
      text: found.result
        ? found.result.summary
        : 'none of its data was found to back up',
    };
  }
  const parts = found.sets.map((set): Part => {
    if (set.unknownReason) {
      return { status: 'unknown', text: `${set.label}: ${set.unknownReason}` };
    }
    if (set.copies.length === 0) {
      return {
        status: 'fail',
        text: `${set.label} has no backup copy to rebuild the standby site from`,
      };
    }
    const outside = set.copies.filter(c => c.outsideRegion === 'yes');
    const current = outside.find(c => !c.notCurrent && !c.currencyUnknown);
    if (current) return { status: 'pass', text: current.label };
    const stale = outside.find(c => c.notCurrent);
    if (stale) {
      return {
        status: 'fail',
        text: `the copy of ${set.label} outside the region is not current: ${stale.notCurrent}`,
      };
    }
    const unsure = [
      ...outside,
      ...set.copies.filter(c => c.outsideRegion === 'unknown'),
    ];
    if (unsure.length > 0) {
      return {
        status: 'unknown',
        text: `whether ${
          set.label
        } has a current copy outside the region cannot be told (${unsure
          .map(
            c =>
              c.currencyUnknown ??
              `the region of ${c.label} or of its cluster is not known`,
          )
          .join('; ')})`,
      };
    }
    return {
      status: 'fail',
      text: `every backup of ${set.label} is in its cluster's region: the standby site could not be rebuilt after a region loss`,
    };
  });
  return combine(
    parts,
    `its backups are written outside the region (${parts
      .map(p => p.text)
      .join(', ')})`,
  );
}

function zonesPart(
  name: string,
  cluster: string,
  placement: ObservedPlacement,
): Part {
  if (!placement.nodesCollected || placement.clusterZones.length === 0) {
    return {
      status: 'unknown',
      text: `the Nodes of ${cluster} ${
        placement.nodesCollected ? 'carry no zone label' : 'were not collected'
      }, so whether ${name} runs in two zones cannot be shown`,
    };
  }
  if (placement.zones.length >= 2) {
    return { status: 'pass', text: `${name} in ${placement.zones.join(', ')}` };
  }
  if (placement.zones.length + placement.inUnknownZone >= 2) {
    return {
      status: 'unknown',
      text: `some pods of ${name} run on nodes of unknown zone`,
    };
  }
  return {
    status: 'fail',
    text: `${name} runs ${
      placement.zones.length === 1
        ? `in zone ${placement.zones[0]} only`
        : 'in no known zone'
    }${
      placement.clusterZones.length < 2
        ? ` (cluster ${cluster} has one zone)`
        : ''
    }`,
  };
}

/** Cloud-native: every replicated workload and every database runs in two zones, and the databases are HA. */
function cloudNative(context: PostureContext): PatternProof {
  const workloads = entityWorkloads(context);
  const postgres = postgresClustersToJudge(context);
  const databases = 'clusters' in postgres ? postgres.clusters : [];
  if (workloads.length === 0 && databases.length === 0) {
    return {
      status: 'unknown',
      text: 'none of its workloads or databases were found',
    };
  }
  const replicated = workloads.filter(w => w.controller.replicas >= 2);
  const parts: Part[] = [
    ...workloads
      .filter(w => w.controller.replicas < 2)
      .map(
        (w): Part => ({
          status: 'fail',
          text: `${describeController(w.controller)} runs one replica`,
        }),
      ),
    ...replicated.map(w =>
      zonesPart(
        describeController(w.controller),
        w.controller.cluster,
        w.placement,
      ),
    ),
    ...databases.flatMap(database => {
      const ha = judgeDatabaseHa(context, database);
      return [
        ha.status === 'pass' || ha.status === 'warn'
          ? { status: 'pass' as const, text: ha.text }
          : { status: ha.status as Part['status'], text: ha.text },
        zonesPart(
          `database ${describeRef(database)}`,
          database.cluster,
          databasePlacement(context, database),
        ),
      ];
    }),
  ];
  return combine(
    parts,
    'its workloads and databases run in two or more zones, its databases with HA',
  );
}

/** Hot-hot: ready workloads on production clusters in two or more regions. */
function hotHot(context: PostureContext): PatternProof {
  const { clusters } = context;
  if (!clusters) {
    return {
      status: 'unknown',
      text: 'no cluster facts were given, so its regions are unknown',
    };
  }
  const running = [
    ...new Set(
      entityWorkloads(context)
        .filter(w => w.controller.readyReplicas > 0)
        .map(w => w.controller.cluster),
    ),
  ];
  if (running.length === 0) {
    return {
      status: 'unknown',
      text: 'no ready workload of it was found on a production cluster',
    };
  }
  const regions = new Set(
    running.flatMap(name => {
      const region = clusters.get(name)?.region;
      return region ? [region] : [];
    }),
  );
  if (regions.size >= 2) {
    return {
      status: 'pass',
      text: `it runs in ${regions.size} regions (${[...regions].join(', ')})`,
    };
  }
  const unplaced = running.filter(name => !clusters.get(name)?.region);
  if (regions.size + unplaced.length >= 2) {
    return {
      status: 'unknown',
      text: `the region of ${unplaced.join(', ')} is not configured`,
    };
  }
  return {
    status: 'fail',
    text: `it runs active only in ${
      [...regions][0] ?? 'an unknown region'
    } (${running.join(
      ', ',
    )}): active-active needs ready workloads in two regions`,
  };
}

const PROOFS: Record<HaPattern, (context: PostureContext) => PatternProof> = {
  'hot-warm': hotWarm,
  'hot-cold': hotCold,
  'cloud-native': cloudNative,
  'hot-hot': hotHot,
};

/** What the estate shows of the declared pattern. */
export function provePattern(
  context: PostureContext,
  pattern: HaPattern,
): PatternProof {
  return PROOFS[pattern](context);
}

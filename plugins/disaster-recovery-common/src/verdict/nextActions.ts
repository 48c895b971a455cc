import type { CheckId } from '../checks/registry';

/**
 * What a service owner does about each built-in check when it fails or
 * warns, in one imperative sentence. Typed over every {@link CheckId}, so a
 * new check does not compile without its action.
 */
export const CHECK_FIXES: Readonly<Record<CheckId, string>> = {
  'tier-declared':
    'Declare the tier with the disaster-recovery/tier annotation (one of the configured tier ids), so that an RPO, an RTO and a drill policy apply.',
  'backup-freshness':
    'Find why the latest backup failed or is old (velero backup describe <backup> --details, velero backup logs <backup>), fix it, then take a backup now (velero backup create --from-schedule <schedule>).',
  'schedule-active':
    'Resume the paused schedule (velero schedule unpause <schedule>, or spec.suspend: false on a ScheduledBackup), fix one Velero failed to validate, or create a schedule that covers the service.',
  'schedule-cadence':
    'Make a schedule that captures the volume data run more often than the RPO (its cron expression or @every interval).',
  'schedule-on-time':
    'Find why the schedule missed its run: a backup stuck in New or InProgress holds back the next run (velero backup get), otherwise read the Velero server logs.',
  retention:
    'Set each schedule’s ttl (a Go duration such as 720h0m0s) to at least the retention its cadence needs, and give each CloudNativePG cluster a retentionPolicy such as 30d.',
  'storage-location':
    'Make the backup storage location Available again: velero backup-location get shows its phase; check the bucket’s credentials and reachability in the Velero server logs.',
  'copies-3-2-1':
    'Add copies until there are enough, on two storage systems, with one off-site (another region, account or provider): a second backup storage location and a schedule writing to it.',
  'postgres-wal-archiving':
    'Fix WAL archiving: the Cluster’s ContinuousArchiving condition (kubectl cnpg status <cluster>) names the error, most often the object store’s credentials or reachability.',
  'postgres-wal-age':
    'Get WAL archiving going again (kubectl cnpg status <cluster>): nothing the database wrote since it stopped can be recovered.',
  'postgres-recovery-window':
    'Keep base backups and WAL for the whole retention: check the cluster’s retentionPolicy and that its base backups succeed.',
  'postgres-base-backup':
    'Give each database a backup method and an active ScheduledBackup within the base backup interval, fix the failing backup, and take one now (kubectl cnpg backup <cluster>).',
  'restore-test':
    'Restore the latest backup into an isolated namespace (velero restore create --from-backup <backup> --namespace-mappings <namespace>:<namespace>-restore-test), check it, and record it with Record drill.',
  'dr-drill':
    'Rehearse a disaster following the runbook and record the DR drill with its evidence (Record drill).',
  'full-dr-test':
    'Run the yearly full DR test of the estate and record it with its evidence (Record drill).',
  'failover-drill':
    'Rehearse promoting the standby and record the failover drill with its evidence (Record drill).',
  'drill-objectives':
    'Run a drill that measures both the achieved RTO and RPO and record them (Record drill); when a drill missed a target, first fix what made the recovery slow or lossy.',
  replicas:
    'Run at least two ready replicas (and an autoscaler minReplicas of at least 2), or document a singleton with the disaster-recovery/singleton annotation and its reason.',
  placement:
    'Spread the replicas over nodes and zones with a topology spread constraint or pod anti-affinity on kubernetes.io/hostname and topology.kubernetes.io/zone.',
  'probes-and-resources':
    'Give every container a readiness probe, a liveness probe and CPU and memory requests.',
  'disruption-budget':
    'Give each workload exactly one PodDisruptionBudget that lets one pod be evicted and keeps at least one.',
  'pod-stability':
    'Find why the pods are not ready or restart (kubectl describe pod <pod>, kubectl logs <pod> --previous).',
  'database-ha':
    'Run the database with at least two instances (spec.instances) on different nodes, all of them ready.',
  'certificate-expiry':
    'Renew the certificate and find why cert-manager did not (kubectl describe certificate <certificate>).',
  'standby-readiness':
    'Bring the standby in line with production: the same workloads with the same images, ready, and a replica cluster of each database.',
  'ha-pattern':
    'Prove the declared HA pattern in the estate (for hot-warm a standby in another region, for hot-cold a current copy outside the region), or declare the pattern the service has with disaster-recovery/pattern.',
  runbook:
    'Link the recovery runbook with the disaster-recovery/runbook annotation (an https URL).',
  'workload-coverage':
    'Widen a schedule to take the pods and PVCs it misses (its namespaces, resources and label selector), or name the covering schedules in the disaster-recovery/velero-schedules annotation.',
};

/**
 * Built-in checks whose fix is also what to do while they are `unknown`:
 * they are unknown until someone records what they look for.
 */
export const FIX_ALSO_WHEN_UNKNOWN: ReadonlySet<string> = new Set<CheckId>([
  'drill-objectives',
]);

/** The action for an `unknown` check: supply what it lacks. */
export const UNKNOWN_CHECK_ACTION =
  'Supply the data the check lacks, as its reason says; a cluster whose collection is stale shows under Collection health on the Disaster Recovery page.';

/** The action for a check a backend module contributed, which has no fix here. */
export const CONTRIBUTED_CHECK_ACTION =
  'Fix what the check’s reason names; the module that contributes the check documents it.';

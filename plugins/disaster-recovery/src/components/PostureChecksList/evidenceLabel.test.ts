import { evidenceLabel } from './evidenceLabel';

describe('evidenceLabel', () => {
  it.each([
    ['rpoMs', 'RPO'],
    ['lastCleanBackupAgeMs', 'Last clean backup age'],
    ['lastCleanBackupAt', 'Last clean backup at'],
    ['walArchivingStoppedAt', 'WAL archiving stopped at'],
    ['metRto', 'Met RTO'],
    ['rtoDrillAchievedRtoMs', 'RTO drill achieved RTO'],
    ['failedLatestRuns', 'Failed latest runs'],
    ['dataInStorageLocation', 'Data in storage location'],
    ['uncoveredPVCs', 'Uncovered PVCs'],
    ['errors', 'Errors'],
  ])('%s → %s', (key, label) => {
    expect(evidenceLabel(key)).toBe(label);
  });
});

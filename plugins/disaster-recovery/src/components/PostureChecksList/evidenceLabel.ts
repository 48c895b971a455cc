/** Words that read as abbreviations, as people write them. */
const ABBREVIATIONS: Record<string, string> = {
  bsl: 'BSL',
  cnpg: 'CloudNativePG',
  ha: 'HA',
  hpa: 'HPA',
  id: 'ID',
  pdb: 'PDB',
  pitr: 'PITR',
  pvc: 'PVC',
  pvcs: 'PVCs',
  rpo: 'RPO',
  rto: 'RTO',
  ttl: 'TTL',
  wal: 'WAL',
};

/**
 * The label of an evidence value for people, from its key: camelCase split
 * into words, the `Ms` of durations dropped, abbreviations as written —
 * `lastCleanBackupAgeMs` is "Last clean backup age", `rpoMs` is "RPO".
 */
export function evidenceLabel(key: string): string {
  const words = key
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(word => word !== '')
    .map(word => ABBREVIATIONS[word.toLowerCase()] ?? word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

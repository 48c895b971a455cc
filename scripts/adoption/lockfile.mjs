/**
 * What a fresh app's yarn.lock holds: the versions of each package and who
 * depends on each version, to tell a second copy our packages bring in from
 * one a third-party package does.
 */
import { parse } from 'yaml';

const nameOf = descriptor => descriptor.match(/^(@?[^@]+)@/)?.[1];

/** Reads a Yarn (berry) lockfile. */
export function readLockfile(text) {
  const entries = Object.entries(parse(text)).filter(
    ([key, entry]) => key !== '__metadata' && entry?.resolution,
  );
  const byDescriptor = new Map();
  for (const [key, entry] of entries) {
    for (const descriptor of key.split(',')) {
      byDescriptor.set(descriptor.trim(), entry);
    }
  }
  /** name -> version -> the packages (name@version, or a workspace) depending on it */
  const copies = new Map();
  for (const [, entry] of entries) {
    const name = nameOf(entry.resolution);
    if (!name || /@(workspace|link|portal|patch):/.test(entry.resolution))
      continue;
    if (!copies.has(name)) copies.set(name, new Map());
    if (!copies.get(name).has(entry.version))
      copies.get(name).set(entry.version, new Set());
  }
  for (const [, entry] of entries) {
    const dependent = entry.resolution.includes('@workspace:')
      ? nameOf(entry.resolution)
      : `${nameOf(entry.resolution)}@${entry.version}`;
    for (const field of ['dependencies', 'peerDependencies']) {
      for (const [name, range] of Object.entries(entry[field] ?? {})) {
        const target = byDescriptor.get(`${name}@${range}`);
        copies.get(name)?.get(target?.version)?.add(dependent);
      }
    }
  }
  return {
    /** The versions of a package, each with its dependents. */
    copiesOf: name =>
      [...(copies.get(name) ?? new Map())].map(([version, dependents]) => ({
        version,
        dependents: [...dependents].sort(),
      })),
    packageNames: () => [...copies.keys()],
  };
}

/** Compares two plain versions (`1.0.0`, `0.18.1`) by their numbers. */
function compareVersions(a, b) {
  const [pa, pb] = [a, b].map(v => v.split(/[.+-]/).map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] || 0) - (pb[i] || 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Why the copies of a package that must be one break the app, or undefined:
 * our packages must use one version of it, the newest that Backstage's own
 * packages and the app's workspaces use. A copy that only other packages
 * want (a plugin, or a Backstage package, not released for this Backstage
 * yet) is not ours to fix; the check notes it.
 */
export function singletonProblem(name, copies, { isOurs, isBackstage }) {
  if (copies.length === 0) return `${name} is not installed`;
  const versionsOf = test =>
    copies.filter(c => c.dependents.some(test)).map(c => c.version);
  const ours = versionsOf(isOurs);
  const [newest] = versionsOf(isBackstage).sort(compareVersions).reverse();
  const strays = ours.filter(version => version !== newest);
  if (newest && strays.length > 0) {
    return `${name}: our packages use ${strays.join(
      ', ',
    )}, the app's Backstage packages ${newest}`;
  }
  return undefined;
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * The READMEs whose marked steps the check applies, in this order: the
 * backend first (its install is the app's first, complete one), then the
 * frontend, then the modules and libraries.
 */
export const PACKAGE_READMES = [
  'plugins/disaster-recovery-backend/README.md',
  'plugins/disaster-recovery/README.md',
  'plugins/tech-insights-backend-module-disaster-recovery/README.md',
  'plugins/disaster-recovery-common/README.md',
  'plugins/disaster-recovery-node/README.md',
];

/** Every package under plugins/ that is published (not private). */
export function publishablePackages(root) {
  const plugins = path.join(root, 'plugins');
  return fs
    .readdirSync(plugins)
    .map(dir => path.join(plugins, dir))
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({
      dir,
      manifest: JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      ),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir }));
}

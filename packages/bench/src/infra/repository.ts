import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';

/** This package's directory (packages/bench). */
export const PACKAGE_DIR = resolvePackagePath('@dr-posture/bench');

/** The monorepo root. */
export const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');

const NODE_TRANSFORM = require.resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);

/** Node arguments that run a TypeScript file of this repository directly. */
export function typescriptNodeArgs(file: string, args: string[] = []) {
  return ['--require', NODE_TRANSFORM, file, ...args];
}

/** The committed Yarn release, for building the app. */
export function yarnRelease(): string {
  const yarnrc = fs.readFileSync(path.join(REPO_ROOT, '.yarnrc.yml'), 'utf8');
  const match = yarnrc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match) {
    throw new Error('.yarnrc.yml names no yarnPath');
  }
  return path.join(REPO_ROOT, match[1]);
}

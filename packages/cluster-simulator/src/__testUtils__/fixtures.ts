import { resolveFixturesDir } from '../fixtures/fixturesDir.ts';

/** The fixtures directory, or undefined on a clone without fixtures. */
export const fixturesDir = resolveFixturesDir();

/**
 * Whether tests needing the real fixtures can run; when they cannot, prints
 * the one-line notice saying what is skipped.
 */
export function fixturesAvailable(what: string): boolean {
  if (!fixturesDir) {
    process.stderr.write(
      `skipped ${what}: no fixtures directory (set DR_FIXTURES_DIR)\n`,
    );
  }
  return fixturesDir !== undefined;
}

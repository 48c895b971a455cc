import fs from 'node:fs';
import path from 'node:path';
import {
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
} from '@dr-posture/plugin-disaster-recovery-common';
import { parse } from 'yaml';
import {
  DISASTER_RECOVERY_DEFAULT_CHECKS,
  disasterRecoveryChecksConfig,
} from './defaultChecks';
import { DISASTER_RECOVERY_FACT_SCHEMA } from './disasterRecoveryFacts';

const read = (file: string) =>
  fs.readFileSync(path.resolve(__dirname, file), 'utf8');

/** `techInsights.factChecker.checks` of the first YAML block that has them. */
function checksInMarkdown(markdown: string): unknown {
  for (const [, block] of markdown.matchAll(/```yaml[^\n]*\n([\s\S]*?)```/g)) {
    const checks = parse(block)?.techInsights?.factChecker?.checks;
    if (checks?.disasterRecoveryTierDeclared) return checks;
  }
  return undefined;
}

describe('the default checks', () => {
  it('mirror each shared scorecard check with a declared status fact, and add the no-warnings check', () => {
    expect(DISASTER_RECOVERY_DEFAULT_CHECKS.map(c => c.id)).toEqual([
      ...SCORECARD_CHECKS.map(c => c.id),
      SCORECARD_NO_WARNINGS_CHECK.id,
    ]);
    for (const check of SCORECARD_CHECKS) {
      expect(DISASTER_RECOVERY_FACT_SCHEMA[check.fact]?.type).toBe('string');
    }
    expect(
      DISASTER_RECOVERY_FACT_SCHEMA[SCORECARD_NO_WARNINGS_CHECK.fact]?.type,
    ).toBe('integer');
  });

  it('are documented in the README as they are exported', () => {
    expect(checksInMarkdown(read('../README.md'))).toEqual(
      disasterRecoveryChecksConfig(),
    );
  });

  it('are what the demo portal runs', () => {
    const config = parse(read('../../../app-config.yaml'));
    expect(config.techInsights.factChecker.checks).toEqual(
      disasterRecoveryChecksConfig(),
    );
  });
});

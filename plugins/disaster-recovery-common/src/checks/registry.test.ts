import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCORECARD_CHECKS } from '../scorecard';
import { CHECK_DEFINITIONS, CHECK_IDS, CHECK_TITLES } from './registry';

describe('CHECK_DEFINITIONS', () => {
  it.each(CHECK_DEFINITIONS.map(d => [d.id, d] as const))(
    '%s has a title, its scope, documentation and a scorecard decision',
    (_id, definition) => {
      expect(definition.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(definition.title.trim()).not.toBe('');
      expect(definition.appliesTo.trim()).not.toBe('');
      // A sentence or more: what it judges and why.
      expect(definition.docs.trim().length).toBeGreaterThan(40);
      // Either the mirroring scorecard check in full, or why there is none.
      const decision: Record<string, string> = { ...definition.scorecard };
      const fields =
        'omitted' in decision
          ? ['omitted']
          : ['id', 'name', 'description', 'fact'];
      expect(Object.keys(decision).sort()).toEqual([...fields].sort());
      expect(fields.filter(field => !decision[field]?.trim())).toEqual([]);
    },
  );

  it('gives every check its own id and derives ids, titles and scorecard checks in order', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_DEFINITIONS.length);
    expect(CHECK_IDS).toEqual(CHECK_DEFINITIONS.map(d => d.id));
    expect(Object.keys(CHECK_TITLES)).toEqual(CHECK_IDS);
    const scored = CHECK_DEFINITIONS.filter(d => !('omitted' in d.scorecard));
    expect(SCORECARD_CHECKS.map(c => c.postureCheckId)).toEqual(
      scored.map(d => d.id),
    );
  });

  it('documents every check in docs/verdicts.md, in the order they are reported', () => {
    // The docs live at the repository root, four levels above this folder.
    const docs = readFileSync(
      resolve(__dirname, '../../../../docs/verdicts.md'),
      'utf8',
    );
    const headings = [...docs.matchAll(/^## (\S+) — /gm)].map(m => m[1]);
    const ids: readonly string[] = CHECK_IDS;
    expect(ids.filter(id => !headings.includes(id))).toEqual([]);
    expect(headings.filter(id => ids.includes(id))).toEqual(ids);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { builtInResourceKinds } from './builtInSources';

/** The ClusterRole the README documents, from its YAML block. */
function documentedRules(): Array<{
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}> {
  const readme = fs.readFileSync(
    path.resolve(__dirname, '../../README.md'),
    'utf8',
  );
  for (const [, block] of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const doc of parseAllDocuments(block)) {
      const object = doc.toJS();
      if (object?.kind === 'ClusterRole') return object.rules;
    }
  }
  throw new Error('The README documents no ClusterRole');
}

describe('the documented ClusterRole', () => {
  it('grants get, list and watch on exactly the kinds the built-in sources collect, and no Secret', () => {
    const rules = documentedRules();
    const granted = rules.flatMap(rule =>
      rule.apiGroups.flatMap(group =>
        rule.resources.map(resource => `${group}/${resource}`),
      ),
    );
    const collected = builtInResourceKinds().map(kind => {
      const group = kind.apiVersion.includes('/')
        ? kind.apiVersion.split('/')[0]
        : '';
      return `${group}/${kind.plural}`;
    });
    expect(granted.sort()).toEqual(collected.sort());
    expect(rules.every(rule => rule.verbs.join() === 'get,list,watch')).toBe(
      true,
    );
    expect(granted.some(g => g.endsWith('/secrets'))).toBe(false);
  });
});

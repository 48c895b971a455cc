import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  applyExcerpt,
  commandsOf,
  extractSteps,
  mergeConfig,
  stepApplies,
} from './readmeSteps.mjs';
import { PACKAGE_READMES, publishablePackages } from './packages.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

describe('extractSteps', () => {
  it('reads each marked block with its action, file and frontend system', () => {
    const markdown = [
      'Install it:',
      '',
      '<!-- adoption: run -->',
      '',
      '```sh',
      'yarn add x',
      '```',
      '',
      '```ts',
      'unmarked();',
      '```',
      '<!-- adoption(legacy): patch packages/app/src/App.tsx -->',
      '  ```tsx',
      '  const a = 1;',
      '  ```',
    ].join('\n');
    assert.deepEqual(extractSteps(markdown, 'README.md'), [
      {
        source: 'README.md:3',
        frontend: undefined,
        action: 'run',
        target: undefined,
        code: 'yarn add x',
      },
      {
        source: 'README.md:12',
        frontend: 'legacy',
        action: 'patch',
        target: 'packages/app/src/App.tsx',
        code: 'const a = 1;',
      },
    ]);
  });

  it('refuses markers it cannot apply', () => {
    const cases = [
      ['<!-- adoption: copy x -->\n```\n```', /is not "<!-- adoption/],
      ['<!-- adoption(next): run -->\n```\n```', /is not "<!-- adoption/],
      ['<!-- adoption: run app-config.yaml -->\n```\n```', /names no file/],
      ['<!-- adoption: config -->\n```\n```', /needs the file/],
      [
        '<!-- adoption: run -->\ntext\n```\n```',
        /not followed by a code block/,
      ],
      ['<!-- adoption: run -->\n```sh\nyarn', /never closed/],
    ];
    for (const [markdown, error] of cases) {
      assert.throws(() => extractSteps(markdown, 'R.md'), error, markdown);
    }
  });
});

describe('commandsOf', () => {
  it('joins continued lines and skips comments', () => {
    assert.deepEqual(
      commandsOf('# From the root\nyarn add \\\n  a \\\n  b\n\nyarn tsc\n'),
      ['yarn add a b', 'yarn tsc'],
    );
  });
});

describe('mergeConfig', () => {
  it('merges maps key by key, replaces lists, and keeps the comments', () => {
    const file = [
      '# The app',
      'app:',
      '  title: Mine # kept',
      'catalog:',
      '  rules:',
      '    - allow: [Component]',
      '  locations:',
      '    - type: file',
      '      target: a.yaml',
      'kubernetes:',
      '',
    ].join('\n');
    const merged = mergeConfig(
      file,
      'catalog:\n  rules:\n    - allow: [Component, Domain]\nkubernetes:\n  x: 1\nnew: { a: 2 }\n',
    );
    assert.deepEqual(parse(merged), {
      app: { title: 'Mine' },
      catalog: {
        rules: [{ allow: ['Component', 'Domain'] }],
        locations: [{ type: 'file', target: 'a.yaml' }],
      },
      kubernetes: { x: 1 },
      new: { a: 2 },
    });
    assert.match(merged, /^# The app/);
    assert.match(merged, /title: Mine # kept/);
  });

  it('creates the file from the block when there is none', () => {
    assert.deepEqual(parse(mergeConfig('', 'a:\n  b: ${X}\n')), {
      a: { b: '${X}' },
    });
  });

  it('refuses a block that is not a map', () => {
    assert.throws(() => mergeConfig('', '- a\n'), /not a YAML map/);
  });
});

describe('applyExcerpt', () => {
  const entityPage = [
    "import { Grid } from '@material-ui/core';",
    'import {',
    '  EntityLayout,',
    "} from '@backstage/plugin-catalog';",
    '',
    'const overviewContent = (',
    '  <Grid container spacing={3}>',
    '    <Grid item md={6}>',
    '      <About />',
    '    </Grid>',
    '  </Grid>',
    ');',
    '',
    'const servicePage = (',
    '  <EntityLayout>',
    '    <EntityLayout.Route path="/" title="Overview">',
    '      {overviewContent}',
    '    </EntityLayout.Route>',
    '  </EntityLayout>',
    ');',
    '',
    'const websitePage = (',
    '  <EntityLayout>',
    '    <EntityLayout.Route path="/" title="Overview">',
    '      {overviewContent}',
    '    </EntityLayout.Route>',
    '  </EntityLayout>',
    ');',
    '',
  ].join('\n');

  it('adds new lines at the end of each elided part, and new imports after the last one', () => {
    const excerpt = [
      "import { DrCard, DrContent } from '@dr/plugin';",
      "import { Grid } from '@material-ui/core';",
      '',
      'const overviewContent = (',
      '  <Grid container spacing={3}>',
      '    {/* ... */}',
      '    <Grid item md={6}>',
      '      <DrCard />',
      '    </Grid>',
      '  </Grid>',
      ');',
      '',
      'const servicePage = (',
      '  <EntityLayout>',
      '    {/* ... */}',
      '    <EntityLayout.Route path="/dr" title="DR">',
      '      <DrContent />',
      '    </EntityLayout.Route>',
      '  </EntityLayout>',
      ');',
      '',
      'const websitePage = (',
      '  <EntityLayout>',
      '    {/* ... */}',
      '    <EntityLayout.Route path="/dr" title="DR">',
      '      <DrContent />',
      '    </EntityLayout.Route>',
      '  </EntityLayout>',
      ');',
    ].join('\n');
    assert.equal(
      applyExcerpt(entityPage, excerpt),
      [
        "import { Grid } from '@material-ui/core';",
        'import {',
        '  EntityLayout,',
        "} from '@backstage/plugin-catalog';",
        "import { DrCard, DrContent } from '@dr/plugin';",
        '',
        'const overviewContent = (',
        '  <Grid container spacing={3}>',
        '    <Grid item md={6}>',
        '      <About />',
        '    </Grid>',
        '    <Grid item md={6}>',
        '      <DrCard />',
        '    </Grid>',
        '  </Grid>',
        ');',
        '',
        'const servicePage = (',
        '  <EntityLayout>',
        '    <EntityLayout.Route path="/" title="Overview">',
        '      {overviewContent}',
        '    </EntityLayout.Route>',
        '    <EntityLayout.Route path="/dr" title="DR">',
        '      <DrContent />',
        '    </EntityLayout.Route>',
        '  </EntityLayout>',
        ');',
        '',
        'const websitePage = (',
        '  <EntityLayout>',
        '    <EntityLayout.Route path="/" title="Overview">',
        '      {overviewContent}',
        '    </EntityLayout.Route>',
        '    <EntityLayout.Route path="/dr" title="DR">',
        '      <DrContent />',
        '    </EntityLayout.Route>',
        '  </EntityLayout>',
        ');',
        '',
      ].join('\n'),
    );
  });

  const cases = [
    {
      title: 're-indents an excerpt shown shallower than the file holds it',
      file: 'x(\n    <Wrapper>\n      <A />\n    </Wrapper>\n);\n',
      // As Prettier writes a JSX excerpt: a statement, with a `;`.
      excerpt: '<Wrapper>\n  {/* ... */}\n  <B />\n</Wrapper>;',
      patched:
        'x(\n    <Wrapper>\n      <A />\n      <B />\n    </Wrapper>\n);\n',
    },
    {
      title: 'ends the new lines of a top-level elision at a blank line',
      file: 'const b = create();\nb.add(a);\n\nb.start();\n',
      excerpt: 'const b = create();\n// ...\nb.add(dr);\n\nb.start();',
      patched: 'const b = create();\nb.add(a);\n\nb.add(dr);\n\nb.start();\n',
    },
    {
      title: 'skips what the file holds between two context lines',
      file: 'a(\n  <X>\n    <Y>\n      <Z />\n    </Y>\n  </X>\n);\n',
      excerpt: 'a(\n  <X>\n    // ...\n    <W />\n  </X>\n);',
      patched:
        'a(\n  <X>\n    <Y>\n      <Z />\n    </Y>\n    <W />\n  </X>\n);\n',
    },
  ];
  for (const { title, file, excerpt, patched } of cases) {
    it(title, () => {
      assert.equal(applyExcerpt(file, excerpt), patched);
    });
  }

  it('fails when a context line is not in the file, or not in this order', () => {
    assert.throws(
      () => applyExcerpt(entityPage, 'const systemPage = (\n  // ...\n  x\n);'),
      /\("const systemPage = \("\) is not in the file/,
    );
    assert.throws(
      () =>
        applyExcerpt(
          entityPage,
          'const websitePage = (\n// ...\nx\n\nconst servicePage = (',
        ),
      /\("const servicePage = \("\) is not in the file after line 22/,
    );
  });

  it('fails when the new lines have nothing after them to go before', () => {
    assert.throws(
      () => applyExcerpt(entityPage, 'const servicePage = (\n  // ...\n  x'),
      /followed by no line of the file/,
    );
  });
});

describe('the package READMEs', () => {
  const steps = PACKAGE_READMES.flatMap(readme =>
    extractSteps(fs.readFileSync(path.join(root, readme), 'utf8'), readme),
  );

  it('mark the steps a new adopter takes, for both frontend systems', () => {
    for (const frontend of ['nfs', 'legacy']) {
      const applying = steps.filter(step => stepApplies(step, frontend));
      assert.ok(
        applying.some(
          s =>
            s.action === 'run' &&
            /add @dr-posture\/plugin-disaster-recovery-backend/.test(s.code),
        ),
        `${frontend}: the backend's install command`,
      );
      assert.ok(
        applying.some(
          s =>
            s.action === 'run' &&
            /add @dr-posture\/plugin-disaster-recovery$/m.test(s.code),
        ),
        `${frontend}: the frontend's install command`,
      );
      assert.ok(
        applying.some(
          s =>
            s.action === 'patch' &&
            s.target === 'packages/backend/src/index.ts',
        ),
        `${frontend}: the backend wiring`,
      );
    }
    assert.ok(
      steps.some(
        s => s.frontend === 'legacy' && s.target?.endsWith('EntityPage.tsx'),
      ),
      'the legacy entity page wiring',
    );
  });

  it('hold steps that can be applied: commands, YAML maps and excerpts with context', () => {
    for (const step of steps) {
      if (step.action === 'run') {
        assert.ok(
          commandsOf(step.code).length > 0,
          `${step.source}: no command`,
        );
      } else if (step.action === 'config') {
        assert.doesNotThrow(() => mergeConfig('', step.code), step.source);
      } else {
        assert.ok(
          step.code
            .split('\n')
            .some(line => /^\s*(\/\/|\{\/\*)\s*\.\.\./.test(line)),
          `${step.source}: an excerpt with no elision adds nothing`,
        );
      }
    }
  });
});

describe('PACKAGE_READMES', () => {
  it('lists the README of every published package', () => {
    const published = publishablePackages(root).map(pkg =>
      path.relative(root, path.join(pkg.dir, 'README.md')),
    );
    assert.deepEqual([...PACKAGE_READMES].sort(), published.sort());
  });
});

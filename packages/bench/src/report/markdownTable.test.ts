import { markdownTable } from './markdownTable';

describe('markdownTable', () => {
  it('pads columns and right-aligns numeric ones', () => {
    expect(
      markdownTable({
        headers: ['path', 'p50'],
        rows: [
          ['ours', '1.2 ms'],
          ['Kubernetes plugin', '48.0 ms'],
        ],
        numeric: [1],
      }),
    ).toBe(
      [
        '| path              |     p50 |',
        '| ----------------- | ------: |',
        '| ours              |  1.2 ms |',
        '| Kubernetes plugin | 48.0 ms |',
      ].join('\n'),
    );
  });

  it('escapes pipes and line breaks inside cells', () => {
    expect(
      markdownTable({ headers: ['a'], rows: [['x|y\nz']] }).split('\n')[2],
    ).toBe('| x\\|y z |');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() =>
      markdownTable({ headers: ['a', 'b'], rows: [['only one']] }),
    ).toThrow('1 cells for 2 columns');
  });
});

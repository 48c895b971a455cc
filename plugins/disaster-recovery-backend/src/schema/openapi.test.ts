import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(60_000);

describe('the generated OpenAPI code', () => {
  it('is what the spec generates today', async () => {
    const script = path.resolve(__dirname, '../../../../scripts/openapi.mjs');
    // Rejects (exit 1, naming the stale files) when someone edited the spec
    // without running `yarn openapi:generate`.
    const { stdout } = await promisify(execFile)(process.execPath, [
      script,
      'check',
    ]);
    expect(stdout).toContain('up to date');
  });
});

import { overviewPage } from '../__testUtils__/fixtures';
import { overviewCsvHeader, overviewCsvRows } from './overviewCsv';

describe('overview CSV', () => {
  it('has a header and one CRLF line per entity', () => {
    const [row] = overviewPage(1).items;
    const csv =
      overviewCsvHeader() +
      overviewCsvRows([{ ...row, title: 'Pay "ments", EU', owner: '=cmd()' }]);
    const lines = csv.split('\r\n');

    expect(lines[0]).toBe(
      'entityRef,title,owner,system,tier,status,rpoMs,rtoMs,lastCleanBackupAt,lastDrillAt,lastDrillOutcome,failingChecks,evaluatedAt',
    );
    expect(lines[1]).toMatch(
      /^component:default\/service-0,"Pay ""ments"", EU",'=cmd\(\),system:default\/commerce,1,fail,900000,14400000,.*,succeeded,backup-freshness=fail,/,
    );
    expect(lines[2]).toBe('');
  });
});

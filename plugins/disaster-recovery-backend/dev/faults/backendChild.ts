/**
 * A small backend with only the disaster-recovery plugin, run as a child
 * process by the fault suite (which kills it with SIGKILL mid-run). Its
 * config comes from `--config`, as any Backstage backend's does.
 */
import { createBackend } from '@backstage/backend-defaults';
import { disasterRecoveryPlugin } from '../../src/plugin';

const backend = createBackend();
backend.add(disasterRecoveryPlugin);
backend.start().catch(error => {
  process.stderr.write(`backend did not start: ${error}\n`);
  process.exit(1);
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Ends a child: SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
export async function stopChild(
  child: ChildProcess,
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a Node script to its end and parses the JSON object on the last line
 * of its output; its stderr goes to `logFile`.
 */
export async function runJsonChild<T>(options: {
  args: string[];
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}): Promise<T> {
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', log],
  });
  let output = '';
  child.stdout!.on('data', chunk => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  fs.closeSync(log);
  if (code !== 0) {
    throw new Error(
      `${options.args.join(' ')} exited with ${code}; see ${options.logFile}`,
    );
  }
  const last = output.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/**
 * Child processes of the adoption check. Each runs in its own process group
 * with its output in a log file, so that the check can stop everything it
 * started (a backend and its frontend dev server, the simulator) and nothing
 * else, also when it fails or is interrupted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Every process group started and not stopped yet, by its leader's pid. */
const groups = new Map();

/** The last lines of a log, for an error message. */
export function tail(file, lines = 40) {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * Starts a command in its own process group, its stdout and stderr appended
 * to `logFile`. `onOutput` sees the output as it comes (to wait for a line).
 */
export function start(command, args, { cwd, env, logFile, onOutput }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `$ ${[command, ...args].join(' ')}   (in ${cwd})\n`);
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = { child, logFile, exited: undefined, alive: true };
  groups.set(child.pid, handle);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => {
      fs.writeSync(log, chunk);
      onOutput?.(chunk.toString());
    });
  }
  const closed = new Promise(resolve => child.once('close', resolve)).then(() =>
    fs.closeSync(log),
  );
  const exited = new Promise(resolve => {
    child.once('error', error => {
      fs.writeSync(log, `\n${error.message}\n`);
      resolve({ code: null, error });
    });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  }).then(async result => {
    handle.alive = false;
    // Output can arrive after 'exit' until 'close', unless something the
    // process left behind holds its pipes open.
    await Promise.race([closed, new Promise(r => setTimeout(r, 2_000))]);
    return result;
  });
  handle.exited = exited;
  return handle;
}

/** Runs a command to its end; rejects with the log's tail unless it exits 0. */
export async function run(command, args, options) {
  const handle = start(command, args, options);
  const { code, signal, error } = await handle.exited;
  // What the command left running in its group (it should be nothing).
  await stop(handle);
  const { logFile } = handle;
  if (code !== 0) {
    const how = error
      ? error.message
      : signal
      ? `was killed by ${signal}`
      : `exited with ${code}`;
    throw Object.assign(
      new Error(
        `${[command, ...args].join(' ')} ${how} (log: ${logFile})\n${tail(
          logFile,
        )}`,
      ),
      { exitCode: code },
    );
  }
}

/**
 * Stops a started process and its whole group: SIGTERM, then SIGKILL for
 * whatever is left after the grace period (or at once when the leader has
 * exited already, for what it left behind).
 */
export async function stop(handle, graceMs = 10_000) {
  if (!groups.has(handle.child.pid)) return;
  if (handle.alive) {
    signalGroup(handle.child, 'SIGTERM');
    await Promise.race([
      handle.exited,
      new Promise(resolve => setTimeout(resolve, graceMs)),
    ]);
  }
  signalGroup(handle.child, 'SIGKILL');
  groups.delete(handle.child.pid);
}

/** Stops every process group this check started and has not stopped yet. */
export async function stopAll() {
  await Promise.all([...groups.values()].map(handle => stop(handle)));
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

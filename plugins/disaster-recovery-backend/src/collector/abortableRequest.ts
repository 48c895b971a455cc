/**
 * The run was stopped from outside: the scheduler aborted it (its task
 * timeout passed, or the backend is shutting down).
 */
export class RunAbortedError extends Error {
  readonly name = 'RunAbortedError';

  constructor() {
    super(
      'the collection was stopped before it finished: the scheduler aborted the run (task timeout or backend shutdown)',
    );
  }
}

/** Throws {@link RunAbortedError} when the run's signal has fired. */
export function throwIfRunAborted(runSignal: AbortSignal | undefined): void {
  if (runSignal?.aborted) {
    throw new RunAbortedError();
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), {
      once: true,
    });
  });
}

/**
 * Runs one API request with an AbortSignal of its own, aborted after
 * `timeoutMs` or when the run is aborted. Aborting makes the HTTP client
 * close the request's socket, where giving up on a promise would leave it
 * open for as long as the server keeps it (a connection dropped after its
 * headers is kept forever). A timeout fails with a retryable "timed out"
 * error, an aborted run with {@link RunAbortedError}. Once settled the
 * signal is aborted too, so that a request started alongside (discovery asks
 * two paths at once) never outlives the call that gave up on it.
 */
export async function abortableRequest<T>(
  request: (signal: AbortSignal) => Promise<T>,
  options: { timeoutMs: number; runSignal?: AbortSignal },
): Promise<T> {
  const { timeoutMs, runSignal } = options;
  throwIfRunAborted(runSignal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abortWithRun = () => controller.abort();
  runSignal?.addEventListener('abort', abortWithRun, { once: true });
  try {
    // The race settles at once even if a client ignored the signal.
    return await Promise.race([
      request(controller.signal),
      rejectOnAbort(controller.signal),
    ]);
  } catch (error) {
    throwIfRunAborted(runSignal);
    if (timedOut) {
      throw new Error(
        `Kubernetes API request timed out after ${timeoutMs} ms`,
        {
          cause: error,
        },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener('abort', abortWithRun);
    controller.abort();
  }
}

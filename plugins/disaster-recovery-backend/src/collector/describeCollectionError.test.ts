import { ApiException } from '@kubernetes/client-node';
import fc from 'fast-check';
import { SuspiciousDeletionError } from '../database/ResourceStore';
import {
  describeCollectionError,
  DiscoveryError,
} from './describeCollectionError';
import { MalformedWatchEventError, WatchStalledError } from './watchStream';

const INTERNAL = 'https://10.20.30.40:6443/apis/velero.io/v1/backups';

function systemError(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

const status = (code: number, reason: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: `upstream says ${INTERNAL}`,
  reason,
  code,
});

describe('describeCollectionError', () => {
  it.each([
    [
      'a Kubernetes Status answer',
      new ApiException(
        503,
        'Unknown API Status Code!',
        status(503, 'ServiceUnavailable'),
        {
          'x-upstream': INTERNAL,
        },
      ),
      'the API server answered 503 ServiceUnavailable',
    ],
    [
      "a proxy's HTML page",
      new ApiException(502, 'Bad Gateway', `<html>${INTERNAL}</html>`, {}),
      'the API server answered 502 Bad Gateway',
    ],
    [
      'a Status reason that is no word',
      new ApiException(500, 'x', status(500, 'see https://x'), {}),
      'the API server answered 500 Internal Server Error',
    ],
    [
      'a rejected token',
      new ApiException(401, 'Unauthorized', {}, {}),
      'token rejected (401)',
    ],
    [
      'a forbidden list',
      new ApiException(403, 'Forbidden', status(403, 'Forbidden'), {}),
      'access denied (403): the service account may not list these objects',
    ],
    [
      'a timeout of 60 s',
      new Error('Kubernetes API request timed out after 60000 ms'),
      'timed out after 60 s',
    ],
    [
      'a timeout under a second',
      new Error('Kubernetes API request timed out after 300 ms'),
      'timed out after 300 ms',
    ],
    [
      'an untrusted certificate',
      systemError(
        'DEPTH_ZERO_SELF_SIGNED_CERT',
        `request to ${INTERNAL} failed, reason: self-signed certificate`,
      ),
      'TLS handshake failed',
    ],
    [
      'a wrong TLS version',
      systemError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'),
      'TLS handshake failed',
    ],
    [
      'a refused connection',
      systemError(
        'ECONNREFUSED',
        `request to ${INTERNAL} failed, reason: connect ECONNREFUSED`,
      ),
      'connection refused',
    ],
    [
      'an unknown host',
      systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND k8s.internal'),
      'host name not found',
    ],
    ['a dropped connection', new Error('socket hang up'), 'connection dropped'],
    [
      'a cut body',
      new SyntaxError('Unexpected end of JSON input'),
      'the API server answered malformed JSON',
    ],
    [
      'a mistyped URL (discovery answers 404)',
      new DiscoveryError(
        new ApiException(404, 'Not Found', status(404, 'NotFound'), {}),
      ),
      'API discovery failed: the API server answered 404 NotFound (check the cluster URL)',
    ],
    [
      'a web page instead of an API server',
      new DiscoveryError(
        new Error(
          'API discovery answered without version lists; this is not a Kubernetes API server',
        ),
      ),
      'API discovery failed: the URL does not answer as a Kubernetes API server',
    ],
    [
      'a TLS failure inside a wrapper',
      new Error('listing failed', {
        cause: systemError('CERT_HAS_EXPIRED', 'certificate has expired'),
      }),
      'TLS handshake failed',
    ],
    [
      'an abort after a timeout, the timeout saying more',
      new Error('Kubernetes API request timed out after 2000 ms', {
        cause: Object.assign(new Error('This operation was aborted'), {
          name: 'AbortError',
        }),
      }),
      'timed out after 2 s',
    ],
    [
      'an abort alone',
      Object.assign(new Error('This operation was aborted'), {
        name: 'AbortError',
      }),
      'timed out',
    ],
    [
      'a SQLite error',
      systemError('SQLITE_BUSY', 'database is locked'),
      'the plugin database failed',
    ],
    [
      'a PostgreSQL error',
      Object.assign(
        new Error('terminating connection due to administrator command'),
        {
          severity: 'FATAL',
          code: '57P01',
        },
      ),
      'the plugin database failed',
    ],
    [
      'a suspicious run',
      new SuspiciousDeletionError('prod-eu', 600, 1000, 0.5),
      'Refused to mark 600 of the 1000 live objects of cluster prod-eu deleted (more than 50 %): the cluster answered suspiciously, so nothing was deleted',
    ],
    [
      'a watch stream silent past its stall timeout',
      new WatchStalledError(180_000),
      'the watch stream stalled (no event or bookmark)',
    ],
    [
      'a watch line that is not an event',
      new MalformedWatchEventError(),
      'the API server sent a malformed watch event',
    ],
    [
      'anything else',
      new Error(`boom at ${INTERNAL}`),
      'collection failed (see collection health)',
    ],
    [
      'a thrown string',
      `boom at ${INTERNAL}`,
      'collection failed (see collection health)',
    ],
  ])('%s', (_what, error, reason) => {
    const described = describeCollectionError(error);
    expect(described.reason).toBe(reason);
    expect(described.reason).not.toContain('10.20.30.40');
    expect(described.detail.length).toBeGreaterThan(0);
  });

  it('keeps the whole story, causes included, in the detail', () => {
    const error = new DiscoveryError(
      new ApiException(503, 'Unknown', status(503, 'ServiceUnavailable'), {
        'x-upstream': INTERNAL,
      }),
    );
    const { detail } = describeCollectionError(error);
    expect(detail).toContain('API discovery of the cluster failed');
    expect(detail).toContain('caused by: HTTP-Code: 503');
    expect(detail).toContain(INTERNAL);
  });

  it('cuts a huge detail', () => {
    const { detail } = describeCollectionError(new Error('x'.repeat(100_000)));
    expect(detail.length).toBeLessThan(4100);
    expect(detail.endsWith('(cut)')).toBe(true);
  });

  it('never puts an upstream message, body or header into the reason (property)', () => {
    const secret = 'secret-host.internal';
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        fc.constantFrom(
          undefined,
          'ECONNRESET',
          'EWHATEVER',
          'CERT_BAD',
          'SQLITE_FULL',
        ),
        fc.boolean(),
        (prefix, suffix, code, systemCode, wrapped) => {
          const message = `${prefix}${secret}${suffix}`;
          let inner: unknown = systemCode
            ? systemError(systemCode, message)
            : new Error(message);
          if (code !== undefined) {
            const body = { message, reason: message };
            inner = new ApiException(code, message, body, { h: message });
          }
          const error = wrapped ? new DiscoveryError(inner) : inner;
          const { reason } = describeCollectionError(error);
          expect(reason).not.toContain(secret);
        },
      ),
    );
  });
});

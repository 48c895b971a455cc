/**
 * A stand-in for the npm registry the @dr-posture packages are published to:
 * it serves the packed tarballs with the read API Yarn uses (a packument per
 * package, then its tarball), so that the READMEs' `yarn add` commands run
 * exactly as an adopter types them. Only the fresh app's @dr-posture scope
 * points here; everything else comes from the configured registry.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** The package.json inside a tarball made by `yarn pack`. */
export function manifestOfTarball(file) {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

/** Starts the registry on a free port of 127.0.0.1; resolves to its URL and a stop function. */
export async function startRegistry(tarballs) {
  const packages = new Map();
  for (const file of tarballs) {
    const manifest = manifestOfTarball(file);
    const body = fs.readFileSync(file);
    packages.set(manifest.name, {
      file,
      manifest,
      shasum: crypto.createHash('sha1').update(body).digest('hex'),
      integrity: `sha512-${crypto
        .createHash('sha512')
        .update(body)
        .digest('base64')}`,
      // When it was packed: Yarn's npmMinimalAgeGate reads this.
      time: fs.statSync(file).mtime.toISOString(),
    });
  }

  let baseUrl = '';
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const tarball = url.match(/^\/-\/tarballs\/(.+)$/);
    if (tarball) {
      const pkg = [...packages.values()].find(
        p => path.basename(p.file) === tarball[1],
      );
      if (!pkg) return notFound(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      fs.createReadStream(pkg.file).pipe(res);
      return undefined;
    }
    const pkg = packages.get(url.slice(1));
    if (!pkg) return notFound(res);
    const { version } = pkg.manifest;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        name: pkg.manifest.name,
        'dist-tags': { latest: version },
        versions: {
          [version]: {
            ...pkg.manifest,
            dist: {
              tarball: `${baseUrl}/-/tarballs/${encodeURIComponent(
                path.basename(pkg.file),
              )}`,
              shasum: pkg.shasum,
              integrity: pkg.integrity,
            },
          },
        },
        time: { created: pkg.time, modified: pkg.time, [version]: pkg.time },
      }),
    );
    return undefined;
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    url: baseUrl,
    packages: [...packages.keys()],
    stop: () => new Promise(resolve => server.close(() => resolve())),
  };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'Not found' }));
}

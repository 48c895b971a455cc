import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

/** A PEM certificate with its private key. */
export interface KeyPair {
  cert: string;
  key: string;
}

/** What an HTTPS server and its clients need. */
export interface ServingCertificates {
  /** The CA clients trust (`certificate-authority-data` decodes to it). */
  ca: KeyPair;
  /** The server's certificate, signed by the CA. */
  serving: KeyPair;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new CA, valid for ten years (long enough for a dev CA kept on disk). */
async function generateCa(): Promise<KeyPair> {
  const now = new Date();
  const pems = await generate(
    [{ name: 'commonName', value: 'dr-posture-cluster-simulator-ca' }],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY_MS),
      notAfterDate: new Date(now.getTime() + 3650 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

/**
 * The CA kept in `dir` (`ca.crt`, `ca.key`), created there on first use, so
 * that a config file can point at the same CA across restarts. Without a
 * directory the CA lives in memory only.
 */
export async function loadOrCreateCa(dir?: string): Promise<KeyPair> {
  if (!dir) {
    return generateCa();
  }
  const certPath = path.join(dir, 'ca.crt');
  const keyPath = path.join(dir, 'ca.key');
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    return {
      cert: fs.readFileSync(certPath, 'utf8'),
      key: fs.readFileSync(keyPath, 'utf8'),
    };
  }
  const ca = await generateCa();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyPath, ca.key, { mode: 0o600 });
  fs.writeFileSync(certPath, ca.cert);
  return ca;
}

/**
 * A serving certificate for the names a client may dial: localhost, the
 * loopback addresses and the bound host (kube-apiserver's serving
 * certificate likewise lists its service names and addresses).
 */
export async function servingCertificates(
  ca: KeyPair,
  host: string,
): Promise<ServingCertificates> {
  const names = new Set(['localhost', '127.0.0.1', '::1', host]);
  const altNames = [...names]
    .filter(name => name !== '' && name !== '0.0.0.0' && name !== '::')
    .map(name =>
      net.isIP(name)
        ? { type: 7 as const, ip: name }
        : { type: 2 as const, value: name },
    );
  const now = new Date();
  const pems = await generate(
    [{ name: 'commonName', value: 'kube-apiserver' }],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY_MS),
      notAfterDate: new Date(now.getTime() + 365 * DAY_MS),
      ca,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    },
  );
  return { ca, serving: { cert: pems.cert, key: pems.private } };
}

/** `certificate-authority-data` / `caData`: the CA PEM, base64-encoded. */
export function caDataOf(ca: KeyPair): string {
  return Buffer.from(ca.cert, 'utf8').toString('base64');
}

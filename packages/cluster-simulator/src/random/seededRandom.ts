/**
 * Deterministic pseudo-random numbers. Every random decision in a scenario is
 * derived from a string key (seed + what is being decided), so the outcome of
 * one backup does not depend on how many other decisions were made before it.
 */

/** Hashes a string to an unsigned 32-bit integer (FNV-1a). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A mulberry32 generator: returns a function yielding numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random generator seeded from the given key parts. */
export function randomFor(...keyParts: Array<string | number>): () => number {
  return createRandom(hashString(keyParts.join('\u0000')));
}

/** A deterministic RFC 4122-shaped (version 4 layout) UID for the key parts. */
export function deterministicUid(...keyParts: Array<string | number>): string {
  const next = randomFor('uid', ...keyParts);
  const word = () =>
    Math.floor(next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  const h = word() + word() + word() + word();
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(
    13,
    16,
  )}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

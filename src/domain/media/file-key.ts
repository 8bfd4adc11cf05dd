/** FileStore keys (screens-and-media.md §3.1, §3.7), checked by every store and by configuration. */

const SEGMENT = /^[A-Za-z0-9_@=+-][A-Za-z0-9_@=+.-]*$/;

/**
 * Null when `key` is a valid key: relative, `/`-separated, segments of `[A-Za-z0-9_@=+.-]` that
 * neither start nor end with a dot (so no `.`/`..`, no Windows trailing-dot aliases); otherwise
 * why not. Valid keys are valid paths on every OS and valid S3 object keys alike.
 */
export function checkFileKey(key: string): string | null {
  if (key.length === 0 || key.length > 1024) return 'a key is 1 to 1024 characters';
  for (const segment of key.split('/')) {
    if (!SEGMENT.test(segment) || segment.endsWith('.')) return `invalid key segment "${segment}"`;
  }
  return null;
}

/**
 * The definition purge messages of stats-cache-jobs.md §5.2, byte for byte (big-endian):
 * `ps:client_flows` carries `0x00 ‖ uint32 length ‖ slug` (drop one flow) or `0x01` (drop the
 * valid-slug set); `ps:client_screens` carries `uint32 length ‖ slug`.
 */
export const FLOW_PURGE_CHANNEL = 'ps:client_flows';
export const SCREEN_PURGE_CHANNEL = 'ps:client_screens';

export type FlowPurge = { kind: 'flow'; slug: string } | { kind: 'slug_set' };

function lengthPrefixed(slug: string): Buffer {
  const text = Buffer.from(slug, 'utf8');
  const out = Buffer.alloc(4 + text.length);
  out.writeUInt32BE(text.length, 0);
  text.copy(out, 4);
  return out;
}

/** The slug of a `uint32 length ‖ UTF-8` block filling `bytes` exactly, or null. */
function readLengthPrefixed(bytes: Buffer): string | null {
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== bytes.length - 4) return null;
  return bytes.subarray(4).toString('utf8');
}

export function encodeFlowPurge(purge: FlowPurge): Buffer {
  return purge.kind === 'slug_set' ? Buffer.from([0x01]) : Buffer.concat([Buffer.from([0x00]), lengthPrefixed(purge.slug)]);
}

/** Null for a message this protocol does not define (the receiver then drops everything). */
export function decodeFlowPurge(message: Buffer): FlowPurge | null {
  if (message.length === 1 && message[0] === 0x01) return { kind: 'slug_set' };
  if (message.length < 1 || message[0] !== 0x00) return null;
  const slug = readLengthPrefixed(message.subarray(1));
  return slug === null ? null : { kind: 'flow', slug };
}

export function encodeScreenPurge(slug: string): Buffer {
  return lengthPrefixed(slug);
}

export function decodeScreenPurge(message: Buffer): string | null {
  return readLengthPrefixed(message);
}

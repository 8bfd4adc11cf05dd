/** The server-chosen part layout of an upload (screens-and-media.md §3.4 step 1). */

export const PART_SIZE = 1_048_576;

export interface UploadPart {
  /** 1-based. */
  number: number;
  startByte: number;
  /** Exclusive. */
  endByte: number;
}

/** Full parts of PART_SIZE bytes, then the remainder (if any) as one last part. */
export function partLayout(fileSize: number, partSize = PART_SIZE): UploadPart[] {
  const full = Math.floor(fileSize / partSize);
  const parts: UploadPart[] = [];
  for (let i = 1; i <= full; i++) parts.push({ number: i, startByte: (i - 1) * partSize, endByte: i * partSize });
  if (full * partSize < fileSize) parts.push({ number: full + 1, startByte: full * partSize, endByte: fileSize });
  return parts;
}

export type WirePart =
  | { start_number: number; start_byte: number; number_of_parts: number; part_size: number }
  | { number: number; start_byte: number; end_byte: number };

/** The response's compressed form: one range entry for the full parts, the remainder listed alone. */
export function partsToWire(parts: readonly UploadPart[], partSize = PART_SIZE): WirePart[] {
  const full = parts.filter((p) => p.endByte - p.startByte === partSize);
  const rest = parts.filter((p) => p.endByte - p.startByte !== partSize);
  const out: WirePart[] = [];
  if (full.length > 0) out.push({ start_number: full[0].number, start_byte: full[0].startByte, number_of_parts: full.length, part_size: partSize });
  for (const p of rest) out.push({ number: p.number, start_byte: p.startByte, end_byte: p.endByte });
  return out;
}

/**
 * Un encodeur PNG minimal, sans dépendance, pour les icônes du complément Excel (outil de construction).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: readonly number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: readonly number[]): number[] {
  const body = [...Array.from(type, (ch) => ch.charCodeAt(0)), ...data];
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/**
 * Produit l’icône du complément Excel (PNG carré, `size` pixels) : un carré bleu bordé de blanc.
 * Écrite sans dépendance : données zlib en blocs non compressés.
 *
 * @internal
 */
export function excelIcon(size: number): Uint8Array {
  const border = Math.max(1, Math.round(size / 8));
  const raw: number[] = [];
  for (let y = 0; y < size; y++) {
    raw.push(0);
    for (let x = 0; x < size; x++) {
      const edge = x < border || y < border || x >= size - border || y >= size - border;
      const ring = !edge && (x < 2 * border || y < 2 * border || x >= size - 2 * border || y >= size - 2 * border);
      raw.push(...(edge ? [0x1f, 0x4e, 0x79] : ring ? [0xff, 0xff, 0xff] : [0x1f, 0x4e, 0x79]));
    }
  }
  const zlib: number[] = [0x78, 0x01];
  for (let i = 0; i < raw.length || i === 0; i += 0xffff) {
    const block = raw.slice(i, i + 0xffff);
    const last = i + 0xffff >= raw.length ? 1 : 0;
    zlib.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff);
    for (const byte of block) zlib.push(byte);
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  zlib.push(...u32(((b << 16) | a) >>> 0));
  const header = [...u32(size), ...u32(size), 8, 2, 0, 0, 0];
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlib), ...chunk('IEND', [])]);
}

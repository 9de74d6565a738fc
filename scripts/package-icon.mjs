// Draws images/icon.png (128x128 RGBA): a shield with a check mark, no image library needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const W = 128, H = 128;
const px = Buffer.alloc(W * H * 4);
const set = (x, y, [r, g, b, a]) => { const i = (y * W + x) * 4; px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a; };
const bg = [0x1f, 0x3a, 0x5f, 255], shield = [0x2e, 0x9b, 0x6f, 255], check = [255, 255, 255, 255];
// Rounded square background.
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  const dx = Math.max(0, Math.abs(x - 63.5) - 44), dy = Math.max(0, Math.abs(y - 63.5) - 44);
  if (dx * dx + dy * dy <= 20 * 20) set(x, y, bg);
}
// Shield: flat top, straight sides, curved to a point at the bottom.
const inShield = (x, y) => {
  if (y < 22 || y > 108) return false;
  const half = y < 64 ? 38 : 38 * Math.sqrt(Math.max(0, 1 - ((y - 64) / 44) ** 2));
  return Math.abs(x - 63.5) <= half;
};
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (inShield(x, y)) set(x, y, shield);
// Check mark: two thick segments.
const seg = (x, y, x1, y1, x2, y2, w) => {
  const vx = x2 - x1, vy = y2 - y1, t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy)) <= w;
};
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  if (seg(x, y, 42, 64, 57, 80, 7) || seg(x, y, 57, 80, 88, 46, 7)) set(x, y, check);
}
// PNG encoding: IHDR, one IDAT with filter byte 0 per row, IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 6;
const raw = Buffer.alloc(H * (W * 4 + 1));
for (let y = 0; y < H; y++) px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
console.log('images/icon.png written');

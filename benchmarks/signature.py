#!/usr/bin/env python3
"""CER-08 benchmark helper: a PNG as signature_pad sends it from a tablet (960 x 320 px at device pixel ratio 2,
transparent, dark blue strokes of a handwritten name), written as a data URL on stdout. Standard library only."""
import math, struct, sys, zlib, base64

L, H = 960, 320
pixels = bytearray(L * H * 4)  # RGBA, transparent
def point(x, y, r):
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dx * dx + dy * dy <= r * r:
                xx, yy = int(x + dx), int(y + dy)
                if 0 <= xx < L and 0 <= yy < H:
                    i = (yy * L + xx) * 4
                    pixels[i:i + 4] = bytes((0, 0x35, 0x6B, 255))
graine = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for t in range(0, 4000):
    s = t / 4000
    x = 60 + s * 820
    y = 160 + 70 * math.sin(s * 38 + graine) * math.cos(s * 5) + 20 * math.sin(s * 90)
    point(x, y, 3 if t % 7 else 4)
brut = b"".join(b"\x00" + bytes(pixels[y * L * 4:(y + 1) * L * 4]) for y in range(H))
def bloc(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", struct.pack(">IIBBBBB", L, H, 8, 6, 0, 0, 0)) + bloc(b"IDAT", zlib.compress(brut, 9)) + bloc(b"IEND", b"")
sys.stdout.write("data:image/png;base64," + base64.b64encode(png).decode())

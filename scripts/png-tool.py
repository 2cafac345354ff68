#!/usr/bin/env python3
"""Reads a PNG screenshot with the standard library only (no Pillow) and either checks that it
is not blank or writes a cropped, optionally halved copy.

  png-tool.py check IMAGE                  prints size, non-white share and distinct colours;
                                           exits 1 when the page looks blank
  png-tool.py crop IMAGE OUT TOP BOTTOM [--half]
  png-tool.py stack IMAGE OUT TOP BOTTOM [TOP BOTTOM ...]
                                           bands of rows, one under the other
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - upper_left
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - upper_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upper_left)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def encode(path, width, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def rgb_rows(width, channels, rows):
    if channels == 3:
        return rows
    return [bytes(b for i in range(width) for b in row[i * 4:i * 4 + 3]) for row in rows]


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        width, height, channels, rows = decode(argv[1])
        colours, ink = set(), 0
        for row in rgb_rows(width, channels, rows):
            for i in range(0, width * 3, 3):
                pixel = row[i:i + 3]
                colours.add(pixel)
                if min(pixel) < 235:
                    ink += 1
        share = ink / (width * height)
        print(f"{argv[1]}: {width}x{height}, {share:.1%} non-white, {len(colours)} distinct colours")
        return 0 if share > 0.03 and len(colours) > 64 else 1
    if len(argv) >= 5 and argv[0] == "crop":
        width, height, channels, rows = decode(argv[1])
        rows = rgb_rows(width, channels, rows[int(argv[3]):int(argv[4])])
        if "--half" in argv:
            halved = []
            for y in range(0, len(rows) - 1, 2):
                top, bottom = rows[y], rows[y + 1]
                halved.append(bytes((top[x * 6 + c] + top[x * 6 + 3 + c] + bottom[x * 6 + c] + bottom[x * 6 + 3 + c] + 2) // 4
                                    for x in range(width // 2) for c in range(3)))
            rows, width = halved, width // 2
        encode(argv[2], width, rows)
        return 0
    if len(argv) >= 5 and argv[0] == "stack" and len(argv) % 2 == 1:
        width, height, channels, rows = decode(argv[1])
        rows = rgb_rows(width, channels, rows)
        bands = [(int(argv[i]), int(argv[i + 1])) for i in range(3, len(argv), 2)]
        separator = [bytes([200]) * (width * 3)] * 2
        stacked = []
        for index, (top, bottom) in enumerate(bands):
            if index > 0:
                stacked += separator
            stacked += rows[top:bottom]
        encode(argv[2], width, stacked)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reads a greyscale height image without pygame (the core stays headless): 8-bit PNG, one pixel a tile.

Only what a modder's paint program writes is read: 8-bit grey, grey with alpha, RGB or RGBA, not
interlaced. Anything else, or a file too large, is refused with a sentence saying why.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from game.content.reading import UnreadableFile, read_bytes
from game.content.relief_models import MAX_IMAGE_BYTES

MAX_SIDE = 120
_CHANNELS = {0: 1, 4: 2, 2: 3, 6: 4}


class HeightImageError(ValueError):
    """The image cannot be used; the message says why in one sentence."""


def image_inside(folder: Path, name: str) -> Path:
    """The image's path, refused if it would leave the level's folder (a link pointing out counts too)."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise HeightImageError(f"the height image '{name}' lies outside the level's folder")
    return path


def read_height_image(path: Path) -> np.ndarray:
    """Brightness 0..1 per pixel, shape (rows, columns), from the first channel."""
    try:
        data = read_bytes(path, MAX_IMAGE_BYTES)  # the one reader: no FIFO, no device, the cap on what is read
    except UnreadableFile as error:
        if error.kind == "missing":
            raise HeightImageError(f"the height image '{path.name}' was not found next to the level") from None
        if error.kind == "too_large":
            raise HeightImageError(f"the height image '{path.name}' is larger than {MAX_IMAGE_BYTES // 1000} kB") \
                from None
        raise HeightImageError(f"the height image '{path.name}' {error.reason}") from None
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise HeightImageError(f"'{path.name}' is not a PNG image")
    try:
        return _decode(data, path.name)
    except (struct.error, zlib.error, IndexError, ValueError) as error:
        if isinstance(error, HeightImageError):
            raise
        raise HeightImageError(f"the height image '{path.name}' is damaged ({error})") from None


def _decode(data: bytes, name: str) -> np.ndarray:
    position = 8
    width = height = 0
    colour = -1
    packed = bytearray()
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in _CHANNELS or interlace:
                raise HeightImageError(f"the height image '{name}' must be an 8-bit greyscale or RGB PNG, "
                                       "not interlaced")
            if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
                raise HeightImageError(f"the height image '{name}' is {width} × {height} pixels; at most "
                                       f"{MAX_SIDE} × {MAX_SIDE} (one pixel a tile)")
        elif kind == b"IDAT":
            packed += body
        elif kind == b"IEND":
            break
    if colour < 0:
        raise HeightImageError(f"the height image '{name}' has no header")
    channels = _CHANNELS[colour]
    stride = width * channels
    raw = zlib.decompressobj().decompress(bytes(packed), (stride + 1) * height)
    if len(raw) < (stride + 1) * height:
        raise HeightImageError(f"the height image '{name}' is cut short")
    rows = np.zeros((height, stride), dtype=np.int32)
    previous: np.ndarray = np.zeros(stride, dtype=np.int32)  # any shape: numpy 2.2 (Python 3.10) types it 1-D
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=start + 1).astype(np.int32)
        line = _unfilter(kind, line, previous, channels, name)
        rows[y] = line
        previous = line
    return rows[:, ::channels].astype(np.float64) / 255.0


def _unfilter(kind: int, line: np.ndarray, previous: np.ndarray, channels: int, name: str) -> np.ndarray:
    if kind == 0:
        return line
    if kind == 2:
        return (line + previous) & 0xFF
    out = line.copy()
    for i in range(len(out)):
        left = out[i - channels] if i >= channels else 0
        up = previous[i]
        if kind == 1:
            out[i] = (out[i] + left) & 0xFF
        elif kind == 3:
            out[i] = (out[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            corner = previous[i - channels] if i >= channels else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            out[i] = (out[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        else:
            raise HeightImageError(f"the height image '{name}' uses an unknown PNG filter ({kind})")
    return out

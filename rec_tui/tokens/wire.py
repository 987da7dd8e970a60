"""The byte layout shared by Agora's tokens: little-endian integers and length-prefixed strings.

Reading never runs past the end: a short buffer is a :class:`TokenError` naming the field.
"""

from __future__ import annotations

import struct

from rec_tui.i18n import _
from rec_tui.tokens.model import TokenError


class Reader:
    """Reads fields one after another from ``data``, naming each for error messages."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._position = 0

    @property
    def position(self) -> int:
        return self._position

    @property
    def remaining(self) -> int:
        return len(self._data) - self._position

    def take(self, size: int, field: str) -> bytes:
        if self.remaining < size:
            raise TokenError(
                _(
                    "the token is cut short: it ends inside its {field} "
                    "({left} of {size} bytes left)"
                ).format(field=field, left=self.remaining, size=size)
            )
        chunk = self._data[self._position : self._position + size]
        self._position += size
        return chunk

    def uint16(self, field: str) -> int:
        value: int = struct.unpack("<H", self.take(2, field))[0]
        return value

    def int16(self, field: str) -> int:
        value: int = struct.unpack("<h", self.take(2, field))[0]
        return value

    def uint32(self, field: str) -> int:
        value: int = struct.unpack("<I", self.take(4, field))[0]
        return value

    def bytes_field(self, field: str) -> bytes:
        return self.take(self.uint16(f"{field} length"), field)

    def text(self, field: str) -> str:
        raw = self.bytes_field(field)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise TokenError(
                _("the token's {field} is not UTF-8 text").format(field=field)
            ) from error

    def uint32_map(self, field: str) -> dict[int, int]:
        count = self.uint16(f"{field} count")
        return {self.uint16(f"{field} key"): self.uint32(f"{field} value") for _ in range(count)}


def pack_uint16(value: int) -> bytes:
    return struct.pack("<H", value)


def pack_uint32(value: int) -> bytes:
    return struct.pack("<I", value)


def pack_bytes(value: bytes) -> bytes:
    return pack_uint16(len(value)) + value


def pack_uint32_map(entries: dict[int, int]) -> bytes:
    ordered = sorted(entries.items())
    return pack_uint16(len(ordered)) + b"".join(
        pack_uint16(key) + pack_uint32(value) for key, value in ordered
    )

"""Reading untrusted input files: bytes with a clear error, text in a known encoding.

Every reader of user files (claims, name lists, reports, GeoNames dumps) goes
through :func:`read_bytes` and :func:`decode`, so a missing file, a folder given
for a file, a file we may not read, or text in another encoding all end in one
:class:`~geoclaims.errors.GeoclaimsError` that says what to do, never in a
traceback.

Encodings: a byte-order mark decides (UTF-8, UTF-16, UTF-32); otherwise the
text must be UTF-8. We never decode silently in a guessed encoding (a wrong
guess turns every Cyrillic name into other letters); when the bytes are not
UTF-8 the error names the encoding they look like, and ``encoding=`` (CLI
``--encoding``) reads them in it.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from geoclaims.errors import InputEncodingError, InputFileError, InputFileNotFound, InvalidArgument

__all__ = ["read_bytes", "decode", "read_text", "AUTO"]

#: ``encoding=`` value that means: a byte-order mark, else UTF-8.
AUTO = "auto"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: "str | os.PathLike[str]", *, what: str = "file") -> bytes:
    """The bytes of `path`, or an :class:`InputFileError` saying why they cannot be read."""
    p = Path(os.fspath(path))
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputFileNotFound(f"{what} not found: {p}") from None
    except IsADirectoryError:
        raise InputFileError(f"{what} {p} is a folder; expected a file") from None
    except PermissionError:
        raise InputFileError(f"cannot read {what} {p}: permission denied") from None
    except OSError as e:
        raise InputFileError(f"cannot read {what} {p}: {e.strerror or e}") from None


def decode(data: bytes, *, source: str, encoding: str = AUTO) -> str:
    """`data` as text: by byte-order mark, else UTF-8 (``encoding="auto"``), or in the encoding given.

    Raises
    ------
    InputEncodingError
        When the bytes are not text in that encoding; the message says where, and which
        encoding they look like.
    InvalidArgument
        For an encoding name Python does not know.

    Examples
    --------
    >>> decode("Суджа".encode("utf-16"), source="x")
    'Суджа'
    >>> decode("Суджа".encode("cp1251"), source="names.txt")
    Traceback (most recent call last):
    ...
    geoclaims.errors.InputEncodingError: names.txt: not UTF-8 text (byte 0xd1 at line 1, column 1); it looks like cp1251 (Windows Cyrillic): save it as UTF-8, or read it with encoding='cp1251' (CLI: --encoding cp1251)
    """
    if encoding != AUTO:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InvalidArgument(f"encoding={encoding!r} is not an encoding Python knows; e.g. utf-8, cp1251, "
                                  "latin-1, utf-16") from None
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputEncodingError(f"{source}: not {encoding} text ({_where(data, e)})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputEncodingError(f"{source}: starts with a {codec} byte-order mark but is not {codec} text "
                                         f"({_where(data, e)})") from None
    try:
        text = data.decode("utf-8")
        controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f\v")
        if "\x00" in text or controls > len(text[:65536]) // 20:
            # UTF-16 without a byte-order mark "decodes" as UTF-8 full of NULs and control characters
            guess, label = _guess(data)
            raise InputEncodingError(f"{source}: is not text (NUL or control bytes); it looks like {guess} "
                                     f"({label}): read it with encoding={guess!r} (CLI: --encoding {guess})")
        return text
    except UnicodeDecodeError as e:
        guess, label = _guess(data)
        raise InputEncodingError(
            f"{source}: not UTF-8 text ({_where(data, e)}); it looks like {guess} ({label}): save it as UTF-8, "
            f"or read it with encoding={guess!r} (CLI: --encoding {guess})") from None


def read_text(path: "str | os.PathLike[str]", *, what: str = "file", encoding: str = AUTO) -> str:
    """:func:`read_bytes` then :func:`decode`."""
    return decode(read_bytes(path, what=what), source=str(path), encoding=encoding)


def _where(data: bytes, e: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, e.start) + 1
    column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
    return f"byte 0x{data[e.start]:02x} at line {line}, column {column}"


def _guess(data: bytes) -> tuple[str, str]:
    """The encoding non-UTF-8 bytes most likely are in, for the error message (never used to decode)."""
    sample = data[:65536]
    # UTF-16 without a byte-order mark: one byte of each pair is nearly constant (0x00 Latin, 0x04 Cyrillic)
    even, odd = sample[0::2], sample[1::2]
    for half, label in ((odd, "le"), (even, "be")):
        if len(half) >= 2 and max(half.count(0), half.count(4)) > 0.7 * len(half):
            return f"utf-16-{label}", f"UTF-16 {'little' if label == 'le' else 'big'}-endian"
    high = sum(1 for b in sample if b >= 0x80)
    # Cyrillic in a one-byte code page: words of high bytes; Latin-1 text: lone accented letters
    runs = sum(1 for a, b in zip(sample, sample[1:]) if a >= 0x80 and b >= 0x80)
    if high and runs / high > 0.5:
        return "cp1251", "Windows Cyrillic"
    return "cp1252", "Windows Latin-1"

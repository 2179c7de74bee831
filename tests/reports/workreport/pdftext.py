"""The text of a PDF as WeasyPrint writes it, for tests: no PDF reader is among the dependencies.

WeasyPrint draws text as glyph ids of subset fonts, each font with a ToUnicode CMap. This reads the objects
(plain, in streams, in object streams), the fonts' CMaps, and each content stream's text operators in
order, decoding with the font selected by Tf. Enough to check that a PDF says what it should, across line
breaks (the runs are joined without separators)."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_PLAIN = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_TOKENS = re.compile(rb"/([^\s/\[\]<>()]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(\bET\b)")


def _objects(data: bytes) -> tuple[dict[int, bytes], dict[int, bytes]]:
    """Object texts (dictionaries) and stream bodies by object number."""
    texts: dict[int, bytes] = {}
    bodies: dict[int, bytes] = {}
    for match in _STREAM.finditer(data):
        number, head = int(match[1]), match[2]
        length = int(re.search(rb"/Length (\d+)", head)[1])  # type: ignore[index]
        raw = data[match.end() : match.end() + length]
        bodies[number] = zlib.decompress(raw) if b"/FlateDecode" in head else raw
        texts[number] = head
        if b"/ObjStm" in head:
            first = int(re.search(rb"/First (\d+)", head)[1])  # type: ignore[index]
            pairs = [int(n) for n in bodies[number][:first].split()]
            offsets = list(zip(pairs[::2], pairs[1::2], strict=True))
            for i, (inner, offset) in enumerate(offsets):
                end = offsets[i + 1][1] if i + 1 < len(offsets) else len(bodies[number]) - first
                texts[inner] = bodies[number][first + offset : first + end]
    for match in _PLAIN.finditer(data):
        texts.setdefault(int(match[1]), match[2])
    return texts, bodies


def _cmap(body: bytes) -> dict[str, str]:
    table: dict[str, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[src.decode().upper()] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width, start = len(lo), int(dst, 16)
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[f"{code:0{width}X}"] = chr(start + n)
    return table


def pdf_text(data: bytes) -> str:
    texts, bodies = _objects(data)
    font_maps = {
        number: _cmap(bodies[int(ref[1])])
        for number, text in texts.items()
        if (ref := re.search(rb"/ToUnicode (\d+) 0 R", text)) and int(ref[1]) in bodies
    }
    by_name: dict[bytes, dict[str, str]] = {}
    for text in texts.values():
        for name, number in re.findall(rb"/([^\s/\[\]<>()]+)\s+(\d+) 0 R", text):
            if int(number) in font_maps:
                by_name[name] = font_maps[int(number)]
    out: list[str] = []
    for number, body in bodies.items():
        if b"BT" not in body or number in font_maps or b"/ObjStm" in texts.get(number, b""):
            continue
        table: dict[str, str] = {}
        for match in _TOKENS.finditer(body):
            if match[1]:
                table = by_name.get(match[1], {})
            elif match[2] is not None and table:
                digits = match[2].decode().upper()
                out.extend(table.get(digits[i : i + 4], "") for i in range(0, len(digits), 4))
    return "".join(out)

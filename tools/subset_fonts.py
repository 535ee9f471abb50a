#!/usr/bin/env python3
"""Makes the Titillium Web files in this folder from the npm package @fontsource/titillium-web.

    npm pack @fontsource/titillium-web@5.3.0 && tar xzf fontsource-titillium-web-5.3.0.tgz
    pip install fonttools==4.* brotli
    python3 tools/subset_fonts.py package/files public/fonts locales

Each weight (400 regular, 700 bold) is split by unicode-range, as Google Fonts does, so that a
page downloads only the pieces whose characters it shows:
  - "text": ASCII, the Italian accented letters, the punctuation our texts use and the other
    letters our texts use in the languages Titillium writes (French, Spanish, Albanian,
    Romanian: about 30 letters). Every page needs it; it is preloaded and counted in the
    first-load budget (about 5.5 KB a weight). The other languages' letters were a piece of
    their own until 2026-11-30: one file costs Italian 0.8 KB a weight and saves those four
    languages 1 KB a weight (a file's own tables), which the self-check needed (issue 11).
  - "latin": the rest of Latin-1 and its punctuation, for names people type.
  - "latin-ext": the rest of Latin Extended.
Kerning and hinting are left out: they would double the size for little gain on screens.
The `unicode-range` lines it prints go into the @font-face rules of style/main.css.
"""

import json
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ITALIAN = [*range(0x20, 0x7F), 0xA0, 0xAB, 0xB0, 0xB7, 0xBB, 0xC0, 0xC8, 0xC9, 0xCC, 0xD2, 0xD9,
           0xE0, 0xE8, 0xE9, 0xEC, 0xF2, 0xF9, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
           0x2022, 0x2026, 0x2039, 0x203A, 0x20AC]
WEIGHTS = [400, 700]


def ranges(points):
    points = sorted(points)
    parts, start, previous = [], points[0], points[0]
    for point in points[1:] + [None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        parts.append(f"U+{start:04X}" if start == previous else f"U+{start:04X}-{previous:04X}")
        if point is not None:
            start = previous = point
    return ",".join(parts)


def make(source, target, points, flavor="woff2"):
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = []
    options.hinting = False
    options.name_IDs = [1, 2]
    font = TTFont(source)
    present = set(font.getBestCmap())
    wanted = sorted(set(points) & present)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.flavor = flavor
    font.save(target)
    return wanted


def text_points(value):
    """Every character of the strings in a parsed locale file."""
    if isinstance(value, str):
        return {ord(character) for character in value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(set(), *(text_points(item) for item in value))
    return set()


def letters_of(locales):
    """The characters of every locale file beyond the Italian piece."""
    points = set()
    for path in Path(locales).rglob("*.json"):
        points |= text_points(json.loads(path.read_text(encoding="utf-8")))
    return points - set(ITALIAN)


def make_merged(sources, target, points):
    """One woff2 with `points` taken from several source files (letters live in two of them)."""
    with tempfile.TemporaryDirectory() as folder:
        parts, wanted = [], []
        for number, source in enumerate(sources):
            present = set(TTFont(source).getBestCmap()) & set(points) - set(wanted)
            if present:
                part = f"{folder}/{number}.ttf"
                wanted += make(source, part, present, flavor=None)
                parts.append(part)
        font = Merger().merge(parts)
        font.flavor = "woff2"
        font.save(target)
    return sorted(wanted)


def main(files, out, locales):
    files, out = Path(files), Path(out)
    letters = letters_of(locales)
    for weight in WEIGHTS:
        latin = files / f"titillium-web-latin-{weight}-normal.woff2"
        extended = files / f"titillium-web-latin-ext-{weight}-normal.woff2"
        used = make_merged([latin, extended], out / f"titillium-web-{weight}-text.woff2", set(ITALIAN) | letters)
        rest = set(TTFont(latin).getBestCmap()) - set(used) - set(range(0x20))
        rest = make(latin, out / f"titillium-web-{weight}-latin.woff2", rest)
        ext = set(TTFont(extended).getBestCmap()) - set(range(0x100)) - set(used)
        ext = make(extended, out / f"titillium-web-{weight}-latin-ext.woff2", ext)
        print(weight, "text", ranges(used))
        print(weight, "latin", ranges(rest))
        print(weight, "latin-ext", ranges(ext))


if __name__ == "__main__":
    main(*sys.argv[1:4])

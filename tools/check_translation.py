"""Checks a translation catalog (gettext PO) against its template (POT) before it ships.

    python tools/check_translation.py levels/lang/ru.po TEMPLATE.pot [--strict]

Says, one line each: a text of the template with no translation, a translation that drops or invents a
`{placeholder}`, and a translation that loses a number of the English (a translation never changes a
fact: "1,369" may become "1369" and "2.1" may become "2,1", but the value stays). Chinese writes numbered
names in its own numerals (Chang'e-7 -> 嫦娥七号, Long March 10 -> 长征十号, Stage 1 -> 第一阶段), decades as
centuries (the 2030s -> 21世纪30年代) and large sums in 亿 and 万 ($854 million -> 8.54亿美元): those count as
the same figures. `--strict` exits 1 when
any text is untranslated; placeholder and number problems always do. A catalog that cannot be read is
one sentence, not a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# "2022-23" means 2022 to 2023: the translation writes the year out in full.
SHORT_YEAR_RANGE = re.compile(r"\b(\d\d)(\d\d)\s*[-–]\s*(\d\d)\b")
THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 嫦娥七号, 长征十号, 嫦娥四号、六号, 第一阶段: a numeral that names a mission, a rocket or a stage.
CHINESE_ORDINAL = re.compile(r"第?([一二三四五六七八九十]{1,3})(?=号|阶段)")
CHINESE_DECADE = re.compile(r"(\d\d)世纪(\d)0年代")
ENGLISH_DECADE = re.compile(r"\b(\d{3}0)s\b")
ENGLISH_SUM = re.compile(r"(\d+(?:\.\d+)?) (million|billion)\b")
CHINESE_SUM = re.compile(r"(\d+(?:\.\d+)?)(亿|万)")
SCALE = {"million": 10**6, "billion": 10**9, "亿": 10**8, "万": 10**4}


def _chinese_numeral(numeral: str) -> str:
    """一 -> 1, 十 -> 10, 十三 -> 13, 二十一 -> 21 (the numerals mission and rocket names use)."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return str(CHINESE_DIGITS[numeral])
    return str(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0))


def _scaled(amount: str, word: str) -> str:
    """'2.05', 'billion' -> '2050000000': a sum as a plain number, whichever word gave its size."""
    value = round(float(amount) * SCALE[word])
    return str(value)


def chinese_figures(text: str) -> str:
    """Chinese numerals of names, centuries and 亿/万 sums written as the digits English uses."""
    text = CHINESE_ORDINAL.sub(lambda match: _chinese_numeral(match.group(1)), text)
    text = CHINESE_DECADE.sub(lambda match: f"{int(match.group(1)) - 1}{match.group(2)}0", text)
    return CHINESE_SUM.sub(lambda match: _scaled(match.group(1), match.group(2)), text)


def english_figures_for_chinese(text: str) -> str:
    """English measured against Chinese: "the 2030s" -> "2030", "$2.6 billion" -> "2600000000"."""
    text = ENGLISH_DECADE.sub(r"\1", text)
    return ENGLISH_SUM.sub(lambda match: _scaled(match.group(1), match.group(2)), THOUSANDS.sub("", text))


def numbers(text: str) -> Counter[str]:
    """The numbers a text states, whatever its thousands separator or decimal mark."""
    text = SHORT_YEAR_RANGE.sub(r"\1\2-\1\3", text)
    text = DECIMAL_COMMA.sub(".", THOUSANDS.sub("", text))
    return Counter(NUMBER.findall(text))


def read_catalog(path: Path) -> Catalog:
    """The catalog at `path`; ValueError with one sentence when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except (OSError, PoFileError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot be read as a PO catalog ({error})") from None


def problems(translation: Catalog, template: Catalog) -> tuple[list[str], list[str]]:
    """(untranslated texts, wrong translations) of `translation` measured against `template`."""
    chinese = translation.locale is not None and translation.locale.language == "zh"
    missing: list[str] = []
    wrong: list[str] = []
    for message in template:
        english = message.id
        if not english or not isinstance(english, str):
            continue
        found = translation.get(english, context=message.context)
        text = found.string if found is not None else ""
        if not isinstance(text, str) or not text.strip():
            missing.append(f"untranslated: {english[:70]!r}")
            continue
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"placeholders differ: {english[:70]!r}")
        if chinese:
            lost = numbers(english_figures_for_chinese(english)) - numbers(chinese_figures(text))
        else:
            lost = numbers(english) - numbers(text)
        if lost:
            wrong.append(f"numbers lost ({', '.join(sorted(lost))}): {english[:70]!r}")
    return missing, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", type=Path)
    parser.add_argument("template", type=Path)
    parser.add_argument("--strict", action="store_true", help="an untranslated text is an error too")
    args = parser.parse_args(argv)
    try:
        translation, template = read_catalog(args.catalog), read_catalog(args.template)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    missing, wrong = problems(translation, template)
    for line in missing + wrong:
        print(line)
    total = sum(1 for message in template if message.id)
    print(f"{args.catalog}: {total - len(missing)} of {total} texts translated, {len(wrong)} wrong")
    return 1 if wrong or (args.strict and missing) else 0


if __name__ == "__main__":
    sys.exit(main())

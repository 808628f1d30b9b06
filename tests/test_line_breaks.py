"""Line breaking for Chinese and for Latin text: one pure function decides where a line may break, and every
wrapped line the game draws follows it (no line starts with closing punctuation or ends with opening
punctuation, Latin words and numbers inside Chinese stay whole, no line is wider than its box)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.line_breaks import CLOSING, OPENING, SPACES, break_opportunities, is_cjk, segments
from game.render.text import wrap_text

HANZI = "国际月球科研站计划嫦娥七号八号着陆器中俄合作开放所有国家的"
CJK_PUNCTUATION = "，。、：；！？）」』》（「『《……——"
LATIN = string.ascii_letters + string.digits + ".,;:!?()-'"
TEXT = st.text(alphabet=st.sampled_from(HANZI + CJK_PUNCTUATION + LATIN + "  \u3000\u00a0"), max_size=80)


class CharWidthFont:
    """A stand-in for pygame's font, headless: hanzi 16 px, everything else 8 px, 20 px lines."""

    def size(self, text: str) -> tuple[int, int]:
        return sum(16 if is_cjk(char) else 8 for char in text), 20

    def get_linesize(self) -> int:
        return 20


FONT = CharWidthFont()


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


# No deadline: on a shared, busy machine a first call can take longer than Hypothesis' 200 ms for no fault of ours.
@given(TEXT)
@settings(deadline=None)
def test_break_opportunities_follow_the_rules(text: str) -> None:
    found = break_opportunities(text)
    assert list(found) == sorted(set(found)) and all(0 < index < len(text) for index in found)
    for index in found:
        before, after = text[index - 1], text[index]
        assert after not in CLOSING and after not in SPACES and after != "\u00a0", (text, index)
        assert before not in OPENING and before != "\u00a0", (text, index)
        assert not (_alnum(before) and _alnum(after)), f"a Latin word or number was split in {text!r}"
        assert not (before in "…—" and after in "…—"), f"an ellipsis or dash was split in {text!r}"
    assert "".join(segments(text)) == text


@given(st.text(alphabet=st.sampled_from(HANZI), min_size=2, max_size=30))
@settings(deadline=None)
def test_chinese_may_break_between_any_two_characters(text: str) -> None:
    assert break_opportunities(text) == tuple(range(1, len(text)))


@given(TEXT, st.integers(min_value=0, max_value=400))
@settings(max_examples=300, deadline=None)
def test_wrapped_lines_fit_keep_every_character_and_follow_the_rules(text: str, width: int) -> None:
    lines = wrap_text(text, FONT, width)  # type: ignore[arg-type]
    widest_piece = max((FONT.size(piece.rstrip())[0] for piece in segments(text)), default=0)
    for number, line in enumerate(lines):
        assert FONT.size(line)[0] <= width or len(line) <= 1, (text, width, lines)
        if widest_piece <= width and line:  # no piece had to be cut: lines start and end where the rules allow
            assert number == 0 or line[0] not in CLOSING, (text, width, lines)  # (the text may start with one)
            assert number == len(lines) - 1 or line[-1] not in OPENING, (text, width, lines)
    kept = "".join(char for char in "".join(lines) if char not in SPACES)
    assert kept == "".join(char for char in text if char not in SPACES)


def test_a_chinese_sentence_breaks_between_characters_keeping_latin_words_and_numbers_whole() -> None:
    text = "国际月球科研站（ILRS）计划于2035年前建成基本型，“嫦娥八号”将在2028年前后发射。"
    for width in range(64, 400, 8):  # from the widest piece, （ILRS）
        lines = wrap_text(text, FONT, width)  # type: ignore[arg-type]
        assert "".join(lines) == text
        assert all(FONT.size(line)[0] <= width for line in lines)
        assert all(line[0] not in CLOSING and line[-1] not in OPENING for line in lines), lines
        assert any("ILRS" in line for line in lines) and sum("2035" in line for line in lines) == 1, lines
        assert sum("2028" in line for line in lines) == 1, lines
    assert wrap_text(text, FONT, 160) == [  # type: ignore[arg-type]
        "国际月球科研站",
        "（ILRS）计划于2035年",
        "前建成基本型，“嫦娥",
        "八号”将在2028年前后",
        "发射。",
    ]


def test_english_still_breaks_only_at_spaces_and_keeps_paragraphs() -> None:
    text = "The station is open to all countries.\n\nChang'e-7 lands in 2026, at 3.5 km/s?"
    lines = wrap_text(text, FONT, 120)  # type: ignore[arg-type]
    assert lines == ["The station is", "open to all", "countries.", "", "Chang'e-7 lands",
                     "in 2026, at 3.5", "km/s?"]


def test_a_piece_wider_than_the_box_is_cut_so_no_line_overflows() -> None:
    lines = wrap_text("See https://example.org/a/very/long/address for more", FONT, 80)  # type: ignore[arg-type]
    assert all(FONT.size(line)[0] <= 80 for line in lines)
    assert "".join(lines).replace(" ", "") == "Seehttps://example.org/a/very/long/addressformore"


def test_no_break_at_a_no_break_space_or_after_an_opening_bracket_and_spaces() -> None:
    assert break_opportunities("5\u00a0km") == ()
    assert break_opportunities("( word )") == ()
    assert break_opportunities("a \u200bb") == (3,)
    assert break_opportunities("中文 text") == (1, 3)

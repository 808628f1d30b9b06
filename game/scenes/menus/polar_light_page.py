"""The encyclopedia's page on light at the pole: why a tile is lit (its horizon against the Sun's low path), what
the game computes, why Earth antennas lose their link, and how to open a tile's horizon plot.

Every number on the page comes from the catalog's Moon (levels/catalog/moon.toml) and its sources."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.locale_format import Percent
from game.content.models import MoonFacts
from game.content.ui_text import ENGLISH, Translate
from game.rules.hours import HOURS_PER_DAY
from game.scenes.rich_text import escape, heading, sources_html


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    subtitle: str
    body_html: str
    words: tuple[str, ...]  # what search finds it by, besides its title and subtitle


def polar_light_page(moon: MoonFacts | None, plot_key: str, tr: Translate = ENGLISH) -> Page | None:
    """The page, or None when the catalog's Moon has no polar sky (its light is then typed in, not computed)."""
    if moon is None or moon.sky is None:
        return None
    sky = moon.sky
    title = tr("Light and shadow at the pole")
    subtitle = tr("Why a place is lit: its horizon against the Sun's low path")
    paragraphs = [
        tr("At the Moon's poles the Sun does not rise and set. The Moon's axis is tilted only {tilt}°, so the Sun "
           "circles the horizon once a lunar day ({days} days) and never climbs more than about {tilt}° above it "
           "or sinks more than that below it; its height follows the Moon's year of seasons ({year} days). "
           "Shadows are always long, and they sweep round as the Sun goes round.",
           tilt=f"{sky.axis_tilt_deg:g}", days=f"{moon.synodic_day_hours / HOURS_PER_DAY:.1f}",
           year=f"{sky.year_days:g}"),
        tr("So a place is lit when its horizon towards the Sun is lower than the Sun. High rims and peaks look "
           "over the land around them and are lit most of the time, though no place is lit all the time; the "
           "floors of deep craters never see the Sun at all. In that permanent shadow ice can last: about "
           "{ice} water by mass was measured in one such crater, Cabeus.",
           ice=Percent(sky.ice_percent_in_permanent_shadow / 100, None)),
        tr("The game works this out as scientists do from laser-altimeter maps of the real pole. For every tile it "
           "finds the height of the skyline in each direction (the map's own hills and craters, the curve of the "
           "Moon, and the mountains beyond the map), then checks a year of the Sun's positions against it. A "
           "tile's share of light is the part of the time it sees the Sun's disc ({disc}° wide).",
           disc=f"{sky.sun_disc_deg:g}"),
        tr("Earth hangs low over the near side and bobs up and down by about {bob}° every {period} days. An "
           "antenna reaches Earth only while Earth stands above its horizon, so from low ground the link comes "
           "and goes, and science waits on the Moon meanwhile; a relay satellite such as Queqiao-2 does not "
           "need Earth in view.",
           bob=f"{sky.earth_latitude_libration_deg:g}", period=f"{sky.earth_latitude_period_days:g}"),
        tr("See it on the station map: choose the Sunlight overlay, or press {key}, to open a tile's horizon plot. "
           "It draws the tile's skyline all the way round, the band the Sun travels in over the year, and where "
           "the Sun stands now. Where the band rides above the skyline, the tile is lit.", key=plot_key),
    ]
    body = heading(title) + f"<font color='#ffc857'>{escape(subtitle)}</font><br><br>" + \
        "".join(f"{escape(paragraph)}<br><br>" for paragraph in paragraphs) + sources_html(sky.sources, tr)
    words = ("horizon sunlight shadow light sun earth antenna ice libration polar pole", *paragraphs)
    return Page(title, subtitle, body, words)

"""Screens of the game: each returns a transition instead of changing the scene stack itself.

The shell: `scene.py` (what a scene offers the app, the transitions it returns and the function that applies them),
`context.py` (what every scene is given), `screen_events.py` (the events every screen of buttons answers alike:
resize, Esc, Back, the rest passed to the screen's own handlers), `list_detail.py` (the list-and-detail layout
several screens share), `layout_memo.py` (a layout worked out again only when its inputs change) and `rich_text.py`
(text-box HTML and dates). The screens live in folders by family: `menus/` (title, pause, settings, credits,
encyclopedia), `campaign/` (timeline, level list, briefing, debrief), `station/` (the site map where a level is
played), `partners/` (roster, negotiation, ledger), `landing/` (flying a landing, landing practice) and
`classroom/` (a student's name, the teacher's PIN and the Teacher screen). A big screen keeps its parts in their
own files: its layout (pure arithmetic), its input (where its events are handled) and its drawing (which only
reads), as `campaign/timeline_layout.py`, `timeline_input.py`, `timeline_drawing.py`. A family imports the shell
and opens another family's screens only by importing them late, when the player asks for them.
"""

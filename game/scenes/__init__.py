"""Screens of the game: each returns a transition instead of changing the scene stack itself.

The shell: `scene.py` (what a scene offers the app, the transitions it returns and the function that applies
them), `context.py` (what every scene is given) and `rich_text.py` (text-box HTML and dates). The screens live
in folders by family: `menus/` (title, pause, settings, credits, encyclopedia), `campaign/` (timeline, level
list, briefing, debrief), `station/` (the site map where a level is played), `partners/` (roster, negotiation,
ledger) and `landing/` (flying a landing, landing practice). A family imports the shell and opens another
family's screens only by importing them late, when the player asks for them.
"""

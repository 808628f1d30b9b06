"""The way into a level and out of it: the campaign timeline, the level list, the briefing and the debrief."""

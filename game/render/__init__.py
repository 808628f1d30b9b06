"""Drawing that only reads: the camera, the site map, module glyphs, the sky, text."""

"""The site's terrain, headless: heights from the level's relief, each tile's horizon, and the light and
Earth view that follow from them (the horizon method used on laser-altimeter maps of the real pole).

    grid = SiteGrid.from_site(site, tiles, moon)     # game/rules/grid.py calls site_light() below
    light = site_light(site, tiles, sky, folder)      # cached by the terrain's content
    light.share[y, x], light.longest_dark_hours[y, x], light.sun_fraction(x, y, hour)

numpy does the work: the horizon is scanned for every tile in every direction at once, and a year of Sun
positions is checked against every tile's horizon in one pass; pure Python would take minutes.
"""

"""The station screen: the site map, the build tools, time running, landings to decide, saves."""

"""The entity-component core: components, commands, events, world building and the schedule."""

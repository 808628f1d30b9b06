"""Pure game rules: no pygame, pymunk or esper; each says no with a sentence a student can read."""

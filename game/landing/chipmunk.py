"""The few Chipmunk calls a flight makes every step, made straight to the C library past pymunk's wrappers.

pymunk's properties check their arguments, build a Vec2d for every vector and pass through a typing
mixin; stepped tens of thousands of times a second, that cost four times what the physics itself did
(profile in benchmarks/landing.py). These are the same C functions with the same arguments, so a flight
is bit for bit the one the wrappers would fly. Only what pymunk's wrappers add on top is skipped: the
argument asserts (the flight's values are checked where it makes them) and, for `Space.step`, the
queues for shapes added or removed inside a callback and post-step callbacks, which a flight never uses.
"""

from __future__ import annotations

from typing import Any

import pymunk

# The cffi library pymunk itself calls (`pymunk.cp`); typed loosely, as pymunk does.
_cp: Any = pymunk.cp

space_step = _cp.cpSpaceStep
body_position = _cp.cpBodyGetPosition
body_velocity = _cp.cpBodyGetVelocity
body_set_velocity = _cp.cpBodySetVelocity
body_angle = _cp.cpBodyGetAngle
body_angular_velocity = _cp.cpBodyGetAngularVelocity
body_set_angular_velocity = _cp.cpBodySetAngularVelocity
body_set_mass = _cp.cpBodySetMass
body_set_moment = _cp.cpBodySetMoment
body_set_torque = _cp.cpBodySetTorque
body_apply_force_at_local_point = _cp.cpBodyApplyForceAtLocalPoint


def handles(space: pymunk.Space, body: pymunk.Body) -> tuple[Any, Any]:
    """The C handles of a space and a body, for the functions above (pymunk keeps them private)."""
    return space._space, body._body

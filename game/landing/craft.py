"""The lander as a pymunk body: a hull and two legs as separate shapes, so leg contact can be sensed."""

from __future__ import annotations

from dataclasses import dataclass

import pymunk

from game.content.models import LanderSpec

# Collision types: contacts of a leg or of the hull with the ground are told apart by these.
LEG = 1
HULL = 2
GROUND = 3

# Low bounce and high friction: regolith swallows a footpad rather than springing it back.
FOOT_FRICTION = 0.9
GROUND_FRICTION = 0.9
# The struts meet the hull this far in from its sides (share of the half-width), so they splay outwards.
STRUT_ROOT_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class CraftShape:
    """The lander's outline in its own frame (centre of mass at the origin, y up), metres."""

    hull: tuple[tuple[float, float], ...]
    feet: tuple[tuple[float, float], tuple[float, float]]
    strut_roots: tuple[tuple[float, float], tuple[float, float]]
    foot_radius: float
    gyration_squared: float

    @classmethod
    def of(cls, spec: LanderSpec) -> CraftShape:
        half_w, half_h = spec.hull_width_m / 2, spec.hull_height_m / 2
        foot_y = -half_h - spec.leg_length_m
        root_x = half_w * STRUT_ROOT_SHARE
        return cls(
            hull=((-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)),
            feet=((-spec.leg_span_m / 2, foot_y), (spec.leg_span_m / 2, foot_y)),
            strut_roots=((-root_x, -half_h), (root_x, -half_h)),
            foot_radius=spec.foot_radius_m,
            # A solid box's moment per kilogram; the legs are light and left out.
            gyration_squared=(spec.hull_width_m**2 + spec.hull_height_m**2) / 12.0,
        )

    @property
    def foot_depth(self) -> float:
        """How far the bottom of a footpad sits below the centre of mass when upright."""
        return -self.feet[0][1] + self.foot_radius


@dataclass(frozen=True, slots=True)
class Craft:
    """The lander's body and its shapes in a space."""

    body: pymunk.Body
    hull: pymunk.Poly
    legs: tuple[pymunk.Segment, pymunk.Segment]
    shape: CraftShape


def add_craft(space: pymunk.Space, spec: LanderSpec, mass: float, position: tuple[float, float], angle: float) -> Craft:
    """Builds the lander in `space`; its mass and moment are set by the flight each step as it burns."""
    outline = CraftShape.of(spec)
    body = pymunk.Body(mass, mass * outline.gyration_squared)
    body.position = position
    body.angle = angle
    hull = pymunk.Poly(body, outline.hull)
    hull.collision_type = HULL
    hull.friction = FOOT_FRICTION
    legs = tuple(
        pymunk.Segment(body, root, foot, outline.foot_radius)
        for root, foot in zip(outline.strut_roots, outline.feet, strict=True)
    )
    for leg in legs:
        leg.collision_type = LEG
        leg.friction = FOOT_FRICTION
    space.add(body, hull, *legs)
    return Craft(body, hull, (legs[0], legs[1]), outline)

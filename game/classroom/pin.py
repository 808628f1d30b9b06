"""The teacher's PIN, kept only as a salted pbkdf2-sha256 hash: a class file shared with students reveals nothing."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from game.content.class_file import TeacherPin

ITERATIONS = 200_000  # about a tenth of a second here: cheap for one unlock, slow for guessing every PIN


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> TeacherPin:
    salt = salt if salt is not None else secrets.token_bytes(16)
    derived = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return TeacherPin(salt=salt.hex(), iterations=iterations, hash=derived.hex())


def pin_matches(pin: str, stored: TeacherPin) -> bool:
    derived = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(stored.salt), stored.iterations)
    return hmac.compare_digest(derived.hex(), stored.hash)

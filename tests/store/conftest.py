"""Fixtures of the store tests: ``real_keyring`` is a Secret Service on a private D-Bus."""

from __future__ import annotations

from tests.support.keyring_service import real_keyring

__all__ = ["real_keyring"]  # a fixture, offered to the tests in this folder by name

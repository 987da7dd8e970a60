"""Every i18n test starts and ends in English, whatever the one before it activated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rec_tui.i18n import ENGLISH, activate


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    activate(ENGLISH)
    yield
    activate(ENGLISH)

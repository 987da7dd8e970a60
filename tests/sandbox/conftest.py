"""Fixtures of the sandbox tests."""

from __future__ import annotations

import pytest

from rec_tui.sandbox.service import SandboxService
from tests.support.sending import FakeTime


@pytest.fixture
def service(time: FakeTime) -> SandboxService:
    """The sandbox service alone, on the fake clock, without its rate limit."""
    return SandboxService(clock=time.clock, rate_clock=time.clock, rate_limit=None)

"""The rule modules, listed statically: importing one registers its rules.

Plain imports rather than names handed to importlib, so that ``python -X importtime`` and
other import profiles see each module. The order is the order the rules register, run
and are listed in.
"""

from types import ModuleType

# isort: off
from rec_tui.spec.rules import (
    generic,
    values,
    envelope,
    token,
    placeholders,
    storage,
    recording,
    subscription,
    session,
    transcoding,
    files,
    web,
    legacy,
    calls,
)

# isort: on

RULE_MODULES: tuple[ModuleType, ...] = (
    generic,
    values,
    envelope,
    token,
    placeholders,
    storage,
    recording,
    subscription,
    session,
    transcoding,
    files,
    web,
    legacy,
    calls,
)

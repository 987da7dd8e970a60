"""A package's names loaded from their modules when first used (a module ``__getattr__``).

Re-exporting a package's classes by importing its modules would load them all with the
package, and the commands that need none of them (``rec-tui validate`` of a body without a
token, ``rec-tui preset list``) would pay for them at start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def loader(package: str, module_of: Mapping[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: each name of ``module_of`` from the module
    (under the package) it names, imported on first use."""

    def load(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        __import__(f"{package}.{module}")
        value = getattr(sys.modules[f"{package}.{module}"], name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    return load

"""Which values of a body apply to a recording mode: what a switch of mode sets aside.

Apart from the Draft so that reading a body's mode (:mod:`.mode_inference`, used by the
headless commands) does not need the whole editing model.
"""

from __future__ import annotations

from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

    from rec_tui.spec.field import Choice

SERVICES_PATH: Final = "clientRequest.extensionServiceConfig.extensionServices"


def _service_of(item: Any) -> str | None:
    if isinstance(item, dict) and isinstance(item.get("serviceName"), str):
        return str(item["serviceName"])
    return None


def applies(path: str, value: Any, mode: Mode) -> bool:
    """Whether the value at ``path`` belongs in a ``mode`` body.

    An extension service item applies where its service's own parameters do.
    """
    if jsonpath.generic(path) == f"{SERVICES_PATH}[]":
        service = _service_of(value)
        own = (
            [
                f
                for f in catalogue.children(f"{SERVICES_PATH}[].serviceParam", service)
                if f.service == service
            ]
            if service
            else []
        )
        return not own or any(f.applies_to(mode) for f in own)
    tokens = jsonpath.parse(path)
    if tokens and isinstance(tokens[-1], int):
        choice = _choice_of(jsonpath.join(tokens[:-1]), value)
        if choice is not None and choice.modes is not None:
            return mode in choice.modes
    declared = catalogue.lookup(path)
    return declared is None or declared.applies_to(mode)


def _choice_of(list_path: str, value: Any) -> Choice | None:
    """The declared choice ``value`` is among the items of the list at ``list_path``."""
    declared = catalogue.lookup(list_path)
    if declared is None:
        return None
    return next(
        (c for c in declared.choices if c.value == value and type(c.value) is type(value)),
        None,
    )


def _items_apply_one_by_one(path: str) -> bool:
    """Service items, and the items of a list some of whose values belong to fewer modes."""
    if jsonpath.generic(path) == SERVICES_PATH:
        return True
    declared = catalogue.lookup(path)
    return declared is not None and any(c.modes is not None for c in declared.choices)


def inapplicable_paths(body: dict[str, Any], mode: Mode) -> list[str]:
    """The outermost paths in ``body`` whose values do not apply to ``mode``."""
    found: list[str] = []

    def visit(value: Any, path: str) -> None:
        if path and not applies(path, value, mode):
            found.append(path)
            return
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, jsonpath.child(path, str(key)))
        elif isinstance(value, list) and _items_apply_one_by_one(path):
            # Other lists go whole.
            for index, item in enumerate(value):
                visit(item, jsonpath.child(path, index))

    visit(body, "")
    # Remove list items from the back so earlier indices stay valid.
    found.sort(key=lambda p: [(-t if isinstance(t, int) else 0) for t in jsonpath.parse(p)])
    return found

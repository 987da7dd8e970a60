"""The one piece of state the wizard edits, and everything derived from it.

A :class:`Draft` holds the mode, the ``start`` body being composed, the session values
that are not part of the body (App ID, endpoint, acquire options), and the values set
aside when a mode switch made them stop applying. The body only ever holds fields that
apply to the current mode, so it is exactly what would be sent.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from rec_tui import jsonpath
from rec_tui.modes import DEFAULT_MODE, Mode
from rec_tui.problems import Problem
from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import SnapshotIntent

SERVICES_PATH = "clientRequest.extensionServiceConfig.extensionServices"


@dataclass(frozen=True, slots=True)
class ModeSwitch:
    """What a mode switch did: paths put aside and paths brought back."""

    set_aside: tuple[str, ...]
    restored: tuple[str, ...]


@dataclass
class Draft:
    mode: Mode = DEFAULT_MODE
    body: dict[str, Any] = field(default_factory=lambda: {"cname": "", "uid": ""})
    app_id: str = ""
    # "sandbox", "global", "region:<host prefix>" (e.g. "region:api-eu-west-1") or a URL.
    endpoint: str = "sandbox"
    # The acquire clientRequest options the user chose (resourceExpiredHour, region, …).
    acquire_options: dict[str, Any] = field(default_factory=dict)
    snapshot_intent: SnapshotIntent | None = None
    set_aside: dict[str, Any] = field(default_factory=dict)
    # Bumped on every change, so views and "unsaved changes" can compare cheaply.
    revision: int = 0

    # --- reading ----------------------------------------------------------------------

    def get(self, path: str, default: Any = None) -> Any:
        return jsonpath.get(self.body, path, default)

    def request_body(self) -> dict[str, Any]:
        """A deep copy of the body as it would be sent."""
        return copy.deepcopy(self.body)

    def validate(self) -> list[Problem]:
        from rec_tui.validate import validate

        return validate(self.mode, self.body, snapshot_intent=self.snapshot_intent)

    # --- editing ----------------------------------------------------------------------

    def set(self, path: str, value: Any) -> None:
        """Set a value; None (or "" for an optional string) removes the key instead.

        Objects left empty by a removal are dropped, so clearing a field never leaves an
        empty ``{}`` behind in the request.
        """
        if value is None:
            jsonpath.remove(self.body, path)
        else:
            jsonpath.set_value(self.body, path, value)
        self.revision += 1

    def replace_body(self, body: dict[str, Any], mode: Mode | None = None) -> None:
        """Load a whole body (an import or a preset); unknown keys are kept as they are."""
        self.body = copy.deepcopy(body)
        if mode is not None:
            self.mode = mode
        self.set_aside = {}
        self.revision += 1

    def set_mode(self, mode: Mode) -> ModeSwitch:
        """Switch mode; never destroys what the user typed.

        Values that stop applying move to :attr:`set_aside` and come back when a mode they
        apply to returns.
        """
        if mode == self.mode:
            return ModeSwitch((), ())
        self.mode = mode
        aside = [path for path in _inapplicable_paths(self.body, mode)]
        for path in aside:
            self.set_aside[path] = jsonpath.remove(self.body, path)
        restored: list[str] = []
        for path, value in list(self.set_aside.items()):
            if path in aside or not _applies(path, value, mode):
                continue
            _restore(self.body, path, value)
            del self.set_aside[path]
            restored.append(path)
        self.revision += 1
        return ModeSwitch(tuple(aside), tuple(restored))


def _service_of(item: Any) -> str | None:
    if isinstance(item, dict) and isinstance(item.get("serviceName"), str):
        return str(item["serviceName"])
    return None


def _applies(path: str, value: Any, mode: Mode) -> bool:
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
    declared = catalogue.lookup(path)
    return declared is None or declared.applies_to(mode)


def _inapplicable_paths(body: dict[str, Any], mode: Mode) -> list[str]:
    """The outermost paths in ``body`` whose values do not apply to ``mode``."""
    found: list[str] = []

    def visit(value: Any, path: str) -> None:
        if path and not _applies(path, value, mode):
            found.append(path)
            return
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, jsonpath.child(path, str(key)))
        elif isinstance(value, list) and jsonpath.generic(path) == SERVICES_PATH:
            # Only service items can stop applying one by one; other lists go whole.
            for index, item in enumerate(value):
                visit(item, jsonpath.child(path, index))

    visit(body, "")
    # Remove list items from the back so earlier indices stay valid.
    found.sort(key=lambda p: [(-t if isinstance(t, int) else 0) for t in jsonpath.parse(p)])
    return found


def _restore(body: dict[str, Any], path: str, value: Any) -> None:
    tokens = jsonpath.parse(path)
    if tokens and isinstance(tokens[-1], int):
        container_path = jsonpath.join(tokens[:-1])
        container = jsonpath.get(body, container_path)
        if isinstance(container, list):
            container.append(value)
        else:
            jsonpath.set_value(body, container_path, [value])
        return
    jsonpath.set_value(body, path, value)

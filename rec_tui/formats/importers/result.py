"""What an import gives (:class:`ImportResult`) and how it fails (:class:`ImportProblem`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from rec_tui.spec.modes import Mode
from rec_tui.store.secrets import Credentials

Kind = Literal["json", "curl", "text"]


class ImportProblem(Exception):
    """Input that cannot be imported; the message says where (line, column) and why."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")
        self.message = f"{where}{message}"
        self.line = line
        self.column = column


@dataclass
class ImportResult:
    body: dict[str, Any]
    kind: Kind
    mode: Mode | None = None
    app_id: str | None = None
    resource_id: str | None = None
    sid: str | None = None
    endpoint: str | None = None
    credentials: Credentials | None = None
    notices: list[str] = field(default_factory=list)

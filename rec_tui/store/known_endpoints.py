"""The endpoints this user has sent to from this machine (``known_endpoints.json``).

A preset carries its endpoint, and presets are shared: a preset naming a host the user has
never used could send the request, secrets included, anywhere. Sending to an endpoint
that is neither the sandbox nor known here is therefore confirmed first (see
``rec-tui send``), and each endpoint the user chose or confirmed is remembered.

Endpoints are kept as their first base URL without user info (never a password), so
``global`` and ``https://api.agora.io`` are the same endpoint. A missing or unreadable
file just means nothing is known yet: the user is asked again, which is the safe side.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit, urlunsplit

from rec_tui.request.endpoints import resolve
from rec_tui.store import paths
from rec_tui.store.files import StoreFileError, read_regular_file, write_atomically

FILE_NAME: Final = "known_endpoints.json"


def known_file() -> Path:
    return paths.data_dir() / FILE_NAME


def endpoint_key(endpoint: str) -> str | None:
    """The base URL an endpoint setting sends to, without user info; None for the sandbox.

    Raises :class:`ValueError` for a setting that is not understood.
    """
    resolved = resolve(endpoint)
    if resolved.sandbox:
        return None
    parts = urlsplit(resolved.primary)
    host = (parts.hostname or "").lower()
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), "", ""))


def known(path: Path | None = None) -> list[str]:
    """Every remembered endpoint (base URLs); empty when the file is missing or unreadable."""
    try:
        data = json.loads(read_regular_file(path or known_file()))
    except (StoreFileError, ValueError):
        return []
    entries = data.get("endpoints") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, str)]


def is_known(endpoint: str, path: Path | None = None) -> bool:
    """True for the sandbox and for an endpoint the user has sent to before."""
    key = endpoint_key(endpoint)
    return key is None or key in known(path)


def remember(endpoint: str, path: Path | None = None) -> None:
    """Add an endpoint to the known ones (nothing for the sandbox); raises StoreFileError."""
    key = endpoint_key(endpoint)
    target = path or known_file()
    entries = known(target)
    if key is None or key in entries:
        return
    text = json.dumps({"endpoints": [*entries, key]}, indent=2) + "\n"
    write_atomically(target, text)

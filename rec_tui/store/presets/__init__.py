"""Presets: one TOML file per saved setup, with secrets only as references.

Six parts: :mod:`.document` (the TOML document: built from a draft, written, read and
checked), :mod:`.header` (its top-level keys, read from the head of the file),
:mod:`.references` (``keyring:`` / ``env:`` secret references and which ones a preset may
use), :mod:`.listing` (the list of presets, from their headers), :mod:`.header_cache` (the
headers read by the last listing) and :mod:`.repository` (the presets folder: save, load,
rename, delete, with a lock per preset). Callers use the names re-exported here.

Each name is imported from its module when first used, so that listing presets (``rec-tui
preset list``) loads neither the TOML writer nor the keyring nor the editing model.
"""

from __future__ import annotations

from rec_tui import lazy_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rec_tui.store.presets.document import FORMAT_VERSION, MAX_DEPTH, dumps, to_document
    from rec_tui.store.presets.errors import PresetError
    from rec_tui.store.presets.listing import SUFFIX, PresetEntry, list_presets
    from rec_tui.store.presets.references import (
        ENV_REF,
        KEYRING_REF,
        env_reference,
        secret_entry,
        secret_locations,
    )
    from rec_tui.store.presets.repository import (
        Preset,
        check_name,
        delete,
        load,
        parse,
        preset_path,
        read_preset_text,
        rename,
        resolve,
        save,
        write_atomically,
    )

# Each re-exported name, with the module (under this package) that defines it.
_MODULE_OF: dict[str, str] = {
    **dict.fromkeys(("FORMAT_VERSION", "MAX_DEPTH", "dumps", "to_document"), "document"),
    "PresetError": "errors",
    **dict.fromkeys(("SUFFIX", "PresetEntry", "list_presets"), "listing"),
    **dict.fromkeys(
        ("ENV_REF", "KEYRING_REF", "env_reference", "secret_entry", "secret_locations"),
        "references",
    ),
    **dict.fromkeys(
        (
            "Preset",
            "check_name",
            "delete",
            "load",
            "parse",
            "preset_path",
            "read_preset_text",
            "rename",
            "resolve",
            "save",
            "write_atomically",
        ),
        "repository",
    ),
}


__getattr__ = lazy_names.loader(__name__, _MODULE_OF)


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULE_OF])


__all__ = [
    "ENV_REF",
    "FORMAT_VERSION",
    "KEYRING_REF",
    "MAX_DEPTH",
    "SUFFIX",
    "Preset",
    "PresetEntry",
    "PresetError",
    "check_name",
    "delete",
    "dumps",
    "env_reference",
    "list_presets",
    "load",
    "parse",
    "preset_path",
    "read_preset_text",
    "rename",
    "resolve",
    "save",
    "secret_entry",
    "secret_locations",
    "to_document",
    "write_atomically",
]

"""Presets: one TOML file per saved setup, with secrets only as references.

Five parts: :mod:`.document` (the TOML document: built from a draft, written, read and
checked), :mod:`.header` (its top-level keys, read from the head of the file),
:mod:`.references` (``keyring:`` / ``env:`` secret references and which ones a preset may
use), :mod:`.listing` (the list of presets, from their headers) and :mod:`.repository` (the
presets folder: save, load, rename, delete, with a lock per preset). Callers use the names
re-exported here.
"""

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

"""Presets: one TOML file per saved setup, with secrets only as references.

Three parts: :mod:`.document` (the TOML document: built from a draft, written, read and
checked), :mod:`.references` (``keyring:`` / ``env:`` secret references and which ones a
preset may use) and :mod:`.repository` (the presets folder: save, load, list, rename,
delete, with a lock per preset). Callers use the names re-exported here.
"""

from rec_tui.store.presets.document import FORMAT_VERSION, MAX_DEPTH, dumps, to_document
from rec_tui.store.presets.errors import PresetError
from rec_tui.store.presets.references import (
    ENV_REF,
    KEYRING_REF,
    env_reference,
    secret_entry,
    secret_locations,
)
from rec_tui.store.presets.repository import (
    SUFFIX,
    Preset,
    PresetEntry,
    check_name,
    delete,
    list_presets,
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

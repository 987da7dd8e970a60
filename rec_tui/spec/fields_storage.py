"""Field declarations: storage section (filled in by its owner)."""

from rec_tui.spec.field import Field

FIELDS: tuple[Field, ...] = ()

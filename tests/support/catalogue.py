"""Which declared fields hold a value (leaves), for the catalogue-wide tests."""

from __future__ import annotations

from rec_tui.spec import catalogue
from rec_tui.spec.field import Field


def has_children(declared: Field) -> bool:
    """True when other fields are declared inside this one (for any service)."""
    inner = f"{declared.path}[]" if declared.items == "object" else declared.path
    services = {None} | {f.service for f in catalogue.ALL_FIELDS if f.service}
    return any(catalogue.children(inner, service) for service in services)


def leaves() -> list[Field]:
    """Fields that hold a value rather than other declared fields."""
    return [f for f in catalogue.ALL_FIELDS if not has_children(f)]

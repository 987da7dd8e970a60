"""Step 6, Storage: the vendor and region by name, bucket, keys, folders and extras."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult

from rec_tui.i18n import N_, _
from rec_tui.request.draft import Draft
from rec_tui.spec import catalogue, storage
from rec_tui.spec.rules.context import STORAGE
from rec_tui.tui.forms.base import Changed, StepForm
from rec_tui.tui.widgets.editors import ChoiceEditor
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.list_editor import ListEditor


def _option(name: str, number: int, historical: bool) -> tuple[str, int]:
    # The number too: the customer's body says "vendor": 1, not "Amazon S3".
    return f"{name} ({number})" + (_(" (historical)") if historical else ""), number


def vendor_options() -> list[tuple[str, Any]]:
    return [_option(_(v.name), v.number, v.historical) for v in storage.VENDORS]


def region_options(vendor_number: object) -> list[tuple[str, Any]]:
    vendor = storage.vendor(vendor_number) if isinstance(vendor_number, int) else None
    if vendor is None:
        return []
    # A region's name is the vendor's identifier; "Region 0 (the only value)" is ours.
    return [_option(_(r.label), r.value, r.historical) for r in vendor.regions]


class StorageForm(StepForm):
    STEP = "storage"
    INTRO = N_("Where the files go: your cloud storage bucket and the keys to write to it.")

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self._region_vendor: object = object()

    def compose_fields(self) -> ComposeResult:
        yield ChoiceEditor(catalogue.field(f"{STORAGE}.vendor"), options=vendor_options())
        yield ChoiceEditor(catalogue.field(f"{STORAGE}.region"), options=[])
        yield from self.editors_for(
            f"{STORAGE}.{key}"
            for key in ("bucket", "accessKey", "secretKey", "stsToken", "stsExpiration")
        )
        yield ListEditor(
            catalogue.field(f"{STORAGE}.fileNamePrefix"),
            placeholder=_("folder names, e.g. recordings 2026 (Enter adds)"),
        )
        yield from self.editors_for(
            f"{STORAGE}.extensionParams.{key}" for key in ("sse", "tag", "endpoint")
        )

    def _region_editor(self) -> ChoiceEditor:
        return next(
            e for e in self.editors if e.path == f"{STORAGE}.region" and isinstance(e, ChoiceEditor)
        )

    def sync(self, origin: object | None = None, changed: Changed = None) -> None:
        # The region list depends on the vendor, so refresh it before the values load.
        vendor = self.draft.get(f"{STORAGE}.vendor")
        if vendor != self._region_vendor:
            self._region_vendor = vendor
            self._region_editor().set_options(region_options(vendor))
            self._region_editor().load(None)
            changed = None  # the region shows the draft's again, whatever the change was
        super().sync(origin, changed)

    def write(self, editor: FieldEditor, value: Any) -> None:
        super().write(editor, value)
        if editor.path == f"{STORAGE}.vendor":
            region = self.draft.get(f"{STORAGE}.region")
            vendor = storage.vendor(value) if isinstance(value, int) else None
            if (
                vendor is not None
                and isinstance(region, int)
                and storage.region(vendor, region) is None
            ):
                self.notify(
                    _("Region {region} is not in {vendor}'s table; pick a region.").format(
                        region=region, vendor=_(vendor.name)
                    ),
                    severity="warning",
                )

"""Open whatever ``rec-tui --open NAME_OR_PATH`` is given: a preset or an importable file.

A ``.toml`` path or the name of a saved preset opens the preset; any other existing file
is imported (JSON body, curl command, or text with a body in it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rec_tui.errors import RecTuiError
from rec_tui.formats import importers
from rec_tui.i18n import LazyText, _
from rec_tui.record import Record, field
from rec_tui.request.draft import APP_ID, ENDPOINT, Draft, Original
from rec_tui.request.mode_inference import ModeGuess
from rec_tui.store.paths import PRESET_SUFFIX

if TYPE_CHECKING:
    from rec_tui.store.secrets import SecretStore


class OpenProblem(RecTuiError):
    """Nothing could be opened; the message says why and what to do."""


class Opened(Record):
    draft: Draft
    notices: list[str] = field(default_factory=list)
    # Set when a preset was opened, so the title can show it and Ctrl+S saves back to it.
    preset_name: str | None = None
    preset_path: Path | None = None
    description: str = ""
    # False when the mode was inferred from the body rather than named by a URL.
    mode_known: bool = True
    # How an imported file's mode was found (None for a preset, which names its mode).
    mode_guess: ModeGuess | None = None
    # An imported ticket's whole text, for the wizard's diagnosis ("" for anything else).
    ticket: str = ""


def open_document(
    name_or_path: str, store: SecretStore | None = None, *, allow_missing_secrets: bool = False
) -> Opened:
    """Open a preset (by name or path) or import a file. Raises :class:`OpenProblem`."""
    if store is None:
        from rec_tui.store.secrets import open_store

        store = open_store().store
    candidate = Path(name_or_path).expanduser()
    # An existing file that is not a .toml is imported: the preset code (and tomllib) is
    # loaded only for a preset, not for `rec-tui --open BODY`.
    if candidate.suffix == PRESET_SUFFIX or not candidate.exists():
        from rec_tui.store import presets

        try:
            if candidate.suffix == PRESET_SUFFIX or _is_preset_name(name_or_path):
                preset = presets.load(
                    name_or_path, store, allow_missing_secrets=allow_missing_secrets
                )
                return Opened(
                    preset.draft, preset.notices, preset.name, preset.path, preset.description
                )
        except presets.PresetError as error:
            raise OpenProblem(error.message) from None
        raise OpenProblem(
            _(
                "{name} is neither a saved preset nor a file. "
                "`rec-tui preset list` shows the saved presets."
            ).format(name=repr(name_or_path))
        )
    try:
        result, text = importers.import_file_text(candidate)
    except importers.ImportProblem as error:
        raise OpenProblem(error.message) from None
    importers.settle_credentials(result, store, agreed=False)
    draft = draft_from_import(result)
    mode_known = result.mode_guess is not None and result.mode_guess.source == "url"
    return Opened(
        draft,
        result.notices,
        mode_known=mode_known,
        mode_guess=result.mode_guess,
        ticket=text if result.kind == "ticket" else "",
    )


def draft_from_import(result: importers.ImportResult, base: Draft | None = None) -> Draft:
    """A draft holding an import's body and mode.

    The draft keeps its own session values: where it sends (the sandbox by default) and
    its App ID never come from the customer's material; :func:`use_customer_endpoint` is the
    explicit step that takes them. The acquire options are the customer's when the input
    shows their acquire (an empty one: Agora's defaults), so a replay acquires as they did;
    otherwise the draft's are kept, but for a startParameter, which belonged to the start
    body being replaced.
    """
    draft = Draft() if base is None else base
    session = draft.session_values()
    options = result.acquire_options
    if options is None:
        options = {k: v for k, v in session.get("acquire", {}).items() if k != "startParameter"}
    session.pop("acquire", None)
    if options:
        session["acquire"] = options
    draft.load(
        result.body,
        mode=result.mode,
        session=session,
        original=Original(
            result.body,
            result.mode or draft.mode,
            _("a {kind} input").format(kind=result.kind),
            customer_endpoint=result.customer_endpoint,
            customer_app_id=result.customer_app_id,
            repeated=tuple(result.repeated),
        ),
        description=LazyText(lambda: _("import a {kind} input").format(kind=result.kind)),
    )
    return draft


def use_customer_endpoint(draft: Draft, result: importers.ImportResult) -> bool:
    """Send to the customer's endpoint and App ID, when the user asked for exactly that.

    Returns whether the import named either of them.
    """
    edits = [
        (path, value)
        for path, value in ((ENDPOINT, result.customer_endpoint), (APP_ID, result.customer_app_id))
        if value
    ]
    if edits:
        draft.set_many(
            edits, description=LazyText(lambda: _("use the customer's endpoint and App ID"))
        )
    return bool(edits)


def _is_preset_name(text: str) -> bool:
    from rec_tui.store import presets

    try:
        return presets.preset_path(text).exists()
    except presets.PresetError:
        return False

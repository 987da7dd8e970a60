"""The one piece of state the wizard edits, its only owner and announcer of change.

A :class:`Draft` holds the mode, the ``start`` body being composed, the session values that
are not part of the body (App ID, endpoint, acquire options, snapshot intent), the values set
aside when a mode switch or a choice made them stop applying, the document it was opened
from (the *original*, for comparing), and the undo history.

Every change goes through a method here. Each method bumps :attr:`Draft.revision`, records
one undo step, and tells every observer once with a :class:`Change`; views (forms, canvas,
preview, the Send panel, "unsaved changes") subscribe instead of being told by whoever made
the change. The body only ever holds fields that apply to the current mode, so it is exactly
what would be sent.

Session values are addressed by path too, under ``session.`` (``session.appId``,
``session.endpoint``, ``session.snapshotIntent``, ``session.acquire.<option>``), so an
editor of the App ID and an editor of ``cname`` work the same way. A ``start`` body never
has a top-level ``session`` key, so the two never meet.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

# SERVICES_PATH is re-exported: the wizard's forms read it from here.
from rec_tui.i18n import LazyText, _
from rec_tui.record import Record, field
from rec_tui.request.applicability import SERVICES_PATH as SERVICES_PATH
from rec_tui.request.applicability import applies, inapplicable_paths
from rec_tui.request.json_copy import copy_json
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import DEFAULT_MODE, Mode
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules.context import SnapshotIntent

if TYPE_CHECKING:
    from rec_tui.request.validate import Checked

SESSION: Final = "session"
APP_ID: Final = "session.appId"
ENDPOINT: Final = "session.endpoint"
SNAPSHOT_INTENT: Final = "session.snapshotIntent"
ACQUIRE: Final = "session.acquire"
DEFAULT_ENDPOINT: Final = "sandbox"
# Edits with the same coalescing key closer together than this are one undo step, so
# typing a word is undone as a whole.
COALESCE_SECONDS: Final = 1.0
UNDO_LIMIT: Final = 500

# What a change did, for the undo and redo notices: plain text, or LazyText that says it in
# the language active when it is shown (the language may be switched between an edit and
# its undo).
Description = str | LazyText
REPLACE_BODY: Final = LazyText(lambda: _("replace the body"))
OPEN_DOCUMENT: Final = LazyText(lambda: _("open a document"))


class ModeSwitch(Record, frozen=True):
    """What a mode switch did: paths put aside and paths brought back."""

    set_aside: tuple[str, ...]
    restored: tuple[str, ...]


class Change(Record, frozen=True):
    """One announced change.

    ``kind`` is ``edit`` (values set), ``mode`` (mode switched), ``load`` (another document
    opened: everything is new), ``undo`` or ``redo``. ``origin`` is whoever made the change
    (a widget that should not be reloaded while the user types in it), or None. An undo
    or redo names the paths of the step it took back or did again.
    ``description`` is said in the language active when the change is announced.
    """

    revision: int
    kind: str
    description: str
    paths: tuple[str, ...] = ()
    origin: object | None = None
    mode_switch: ModeSwitch | None = None

    @property
    def everything(self) -> bool:
        """Whether views should reload wholesale (a load, undo or redo)."""
        return self.kind in ("load", "undo", "redo")


class Original(Record, frozen=True):
    """The document the draft was opened from, kept unchanged for comparing.

    ``customer_endpoint`` and ``customer_app_id`` are where the customer's material sent
    it: information to show and to use on request, never where the draft sends by itself.
    """

    body: dict[str, Any]
    mode: Mode
    source: str
    customer_endpoint: str | None = None
    customer_app_id: str | None = None
    # The warnings of keys its text wrote twice (``body.duplicate_key``): the text is not
    # kept, so they are, and the draft reports each while the value kept stands.
    repeated: tuple[Problem, ...] = ()


class _State(Record):
    mode: Mode
    body: dict[str, Any]
    session: dict[str, Any]
    set_aside: dict[str, Any]
    held: dict[str, Any]

    def copy(self) -> _State:
        return _State(
            self.mode,
            copy_json(self.body),
            copy_json(self.session),
            copy_json(self.set_aside),
            copy_json(self.held),
        )


class Checkpoint(Record):
    """What :meth:`Draft.checkpoint` keeps of the document."""

    revision: int
    state: _State


class _Step(Record):
    before: _State
    description: Description
    coalesce: str | None
    at: float
    after: _State | None = None
    # What the step touched: undoing or redoing it announces them, so the views can
    # put the user back at the field that changed.
    paths: tuple[str, ...] = ()


class _Batch(Record):
    description: Description
    origin: object | None
    coalesce: str | None
    before: _State
    paths: list[str] = field(default_factory=list)
    mode_switch: ModeSwitch | None = None
    kind: str = "edit"


Observer = Callable[[Change], None]


def _new_session(
    app_id: str, endpoint: str, acquire: Mapping[str, Any] | None, intent: SnapshotIntent | None
) -> dict[str, Any]:
    session: dict[str, Any] = {"appId": app_id, "endpoint": endpoint}
    if acquire:
        session["acquire"] = copy_json(dict(acquire))
    if intent is not None:
        session["snapshotIntent"] = intent
    return session


class Draft:
    def __init__(
        self,
        mode: Mode = DEFAULT_MODE,
        body: Mapping[str, Any] | None = None,
        *,
        app_id: str = "",
        endpoint: str = DEFAULT_ENDPOINT,
        acquire_options: Mapping[str, Any] | None = None,
        snapshot_intent: SnapshotIntent | None = None,
        original: Original | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._state = _State(
            mode,
            copy_json(dict(body)) if body is not None else {"cname": "", "uid": ""},
            _new_session(app_id, endpoint, acquire_options, snapshot_intent),
            {},
            {},
        )
        self._revision = 0
        self._observers: list[Observer] = []
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._batch: _Batch | None = None
        self._clock = clock
        self.original = original

    # --- reading ----------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._state.mode

    @property
    def body(self) -> dict[str, Any]:
        """The body as it would be sent. Read it; change it only through this class."""
        return self._state.body

    @property
    def app_id(self) -> str:
        return str(self._state.session.get("appId") or "")

    @property
    def endpoint(self) -> str:
        """``sandbox``, ``global``, ``region:<host prefix>`` or a URL."""
        return str(self._state.session.get("endpoint") or DEFAULT_ENDPOINT)

    @property
    def acquire_options(self) -> dict[str, Any]:
        """The acquire ``clientRequest`` options the user chose (a copy)."""
        return copy_json(self._state.session.get("acquire") or {})

    @property
    def snapshot_intent(self) -> SnapshotIntent | None:
        intent = self._state.session.get("snapshotIntent")
        return intent if intent in ("only", "plus_recording") else None

    @property
    def set_aside(self) -> Mapping[str, Any]:
        """Values a mode switch put aside, by path; they come back with the mode."""
        return self._state.set_aside

    def checkpoint(self) -> Checkpoint:
        """The document as it is now (saved, opened), to tell later whether it is back to
        it: changes undone to the last save are no unsaved changes."""
        return Checkpoint(self._revision, self._state.copy())

    def is_at(self, checkpoint: Checkpoint) -> bool:
        """Whether the document is as it was at ``checkpoint`` (mode, body, session and
        what is set aside alike)."""
        return checkpoint.revision == self._revision or _same(checkpoint.state, self._state)

    @property
    def revision(self) -> int:
        """Bumped on every change, so views and "unsaved changes" compare cheaply."""
        return self._revision

    def get(self, path: str, default: Any = None) -> Any:
        """The value at a body path or a ``session.`` path."""
        if _is_session(path):
            return jsonpath.get(self._state.session, _session_key(path), default)
        return jsonpath.get(self._state.body, path, default)

    def request_body(self) -> dict[str, Any]:
        """A deep copy of the body as it would be sent."""
        return copy_json(self._state.body)

    def validate(self, *, fixes: bool = True) -> list[Problem]:
        """The body's problems; with ``fixes``, each mechanical fix attached (it costs a
        re-check per fixable problem, so a view may ask for them a moment later)."""
        checked = self.check()
        return checked.with_fixes() if fixes else checked.problems

    def check(self) -> Checked:
        """The body's problems without fixes, ready to have them worked out later."""
        from rec_tui.request.validate import check
        from rec_tui.spec.rules.context import Session

        checked = check(
            self.mode,
            self.body,
            snapshot_intent=self.snapshot_intent,
            session=Session(app_id=self.app_id or None),
        )
        original = self.original
        if original is None or not original.repeated:
            return checked
        from rec_tui.request.validate import Checked
        from rec_tui.spec.problems import sort_key

        standing = [
            problem
            for problem in original.repeated
            if _same_json(
                jsonpath.get(self.body, problem.path), jsonpath.get(original.body, problem.path)
            )
        ]
        problems = sorted([*checked.problems, *standing], key=sort_key)
        return Checked(problems, checked.context)

    # --- observers --------------------------------------------------------------------

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer`` after every change; returns the function that unsubscribes."""
        self._observers.append(observer)

        def unsubscribe() -> None:
            if observer in self._observers:
                self._observers.remove(observer)

        return unsubscribe

    def _announce(self, change: Change) -> None:
        for observer in list(self._observers):
            observer(change)

    # --- grouping ---------------------------------------------------------------------

    @contextmanager
    def batch(
        self, description: Description, *, origin: object | None = None, coalesce: str | None = None
    ) -> Iterator[None]:
        """Make every change inside one undo step and one announcement.

        Nested batches join the outermost one. A batch that changed nothing announces
        nothing and leaves no undo step.
        """
        if self._batch is not None:
            yield
            return
        self._batch = _Batch(description, origin, coalesce, self._state.copy())
        try:
            yield
        except BaseException:
            # A change that failed half-way is no change: put everything back, say nothing.
            self._state, self._batch = self._batch.before, None
            raise
        batch, self._batch = self._batch, None
        self._finish(batch)

    def _finish(self, batch: _Batch) -> None:
        if batch.kind == "edit" and _same(batch.before, self._state):
            return
        paths = tuple(dict.fromkeys(batch.paths))
        self._record(batch.before, batch.description, batch.coalesce, paths)
        self._revision += 1
        self._announce(
            Change(
                self._revision,
                batch.kind,
                str(batch.description),
                paths,
                batch.origin,
                batch.mode_switch,
            )
        )

    def _record(
        self,
        before: _State,
        description: Description,
        coalesce: str | None,
        paths: tuple[str, ...],
    ) -> None:
        now = self._clock()
        self._redo.clear()
        last = self._undo[-1] if self._undo else None
        if (
            coalesce is not None
            and last is not None
            and last.coalesce == coalesce
            and now - last.at <= COALESCE_SECONDS
        ):
            last.at = now  # the earlier state stays the one to return to
            last.paths = tuple(dict.fromkeys((*last.paths, *paths)))
            return
        self._undo.append(_Step(before, description, coalesce, now, paths=paths))
        del self._undo[:-UNDO_LIMIT]

    @contextmanager
    def _editing(
        self, description: Description, origin: object | None, coalesce: str | None = None
    ) -> Iterator[_Batch]:
        with self.batch(description, origin=origin, coalesce=coalesce):
            assert self._batch is not None
            yield self._batch

    # --- editing ----------------------------------------------------------------------

    def set(
        self,
        path: str,
        value: Any,
        *,
        origin: object | None = None,
        coalesce: str | None = None,
        description: Description = "",
    ) -> None:
        """Set a value; None removes the key instead.

        Objects left empty by a removal are dropped, so clearing a field never leaves an
        empty ``{}`` behind in the request. ``coalesce`` joins quick successive edits with
        the same key (typing in one field) into one undo step.
        """
        said = description or LazyText(lambda: _("edit {path}").format(path=path))
        with self._editing(said, origin, coalesce) as batch:
            self._put(path, value)
            batch.paths.append(path)

    def set_many(
        self,
        edits: Iterable[tuple[str, Any]],
        *,
        description: Description,
        origin: object | None = None,
        coalesce: str | None = None,
    ) -> None:
        """Several values at once: one undo step, one announcement."""
        with self._editing(description, origin, coalesce) as batch:
            for path, value in edits:
                self._put(path, value)
                batch.paths.append(path)

    def _put(self, path: str, value: Any) -> None:
        if _is_session(path):
            key = _session_key(path)
            if value is None:
                jsonpath.remove(self._state.session, key)
            else:
                jsonpath.set_value(self._state.session, key, copy_json(value))
            return
        if value is None:
            # Objects left empty go, but not a section the mode requires: there, empty is
            # what the user chose ("not set" on the only field of a recording config) and
            # gone would be an error they did not make.
            jsonpath.remove(self._state.body, path, keep=_required_in(self._state.mode))
        else:
            jsonpath.set_value(self._state.body, path, copy_json(value))

    def replace_body(
        self,
        body: Mapping[str, Any],
        *,
        mode: Mode | None = None,
        origin: object | None = None,
        description: Description = REPLACE_BODY,
        coalesce: str | None = None,
    ) -> None:
        """Put a whole new body in this document (the JSON editor, an applied fix).

        Undoable; the set-aside values and the original stay, since it is the same document.
        """
        with self._editing(description, origin, coalesce) as batch:
            self._state.body = copy_json(dict(body))
            if mode is not None:
                self._state.mode = mode
            batch.paths.append("")

    def load(
        self,
        body: Mapping[str, Any],
        *,
        mode: Mode | None = None,
        session: Mapping[str, Any] | None = None,
        original: Original | None = None,
        description: Description = OPEN_DOCUMENT,
    ) -> None:
        """Open another document: a new body, session values, original and set-aside.

        Values set aside for the previous document are dropped (they belong to it), the
        undo history is kept so that opening by mistake can be undone.
        """
        with self._editing(description, None) as batch:
            self._state.body = copy_json(dict(body))
            if mode is not None:
                self._state.mode = mode
            if session is not None:
                self._state.session = copy_json(dict(session))
            self._state.set_aside = {}
            self._state.held = {}
            self.original = original
            batch.kind = "load"
            batch.paths.append("")

    def session_values(self) -> dict[str, Any]:
        """A copy of the session values, keyed as under ``session.`` (for presets)."""
        return copy_json(self._state.session)

    # --- values a choice turns off ----------------------------------------------------

    def hold(self, path: str, *, origin: object | None = None) -> bool:
        """Take the value at ``path`` out of the body and keep it for :meth:`release`.

        For choices that turn a section off (snapshots off, snapshots only); returns
        whether there was a value.
        """
        value = self.get(path)
        if value is None:
            return False
        said = LazyText(lambda: _("set {path} aside").format(path=path))
        with self._editing(said, origin) as batch:
            self._state.held[path] = copy_json(value)
            self._put(path, None)
            batch.paths.append(path)
        return True

    def release(self, path: str, default: Any, *, origin: object | None = None) -> None:
        """Put back what :meth:`hold` kept at ``path`` (else ``default``) if it is empty."""
        if self.get(path) is not None:
            return
        said = LazyText(lambda: _("bring {path} back").format(path=path))
        with self._editing(said, origin) as batch:
            value = self._state.held.pop(path, None)
            self._put(path, value if value is not None else default)
            batch.paths.append(path)

    def holds(self, path: str) -> bool:
        return path in self._state.held

    # --- mode -------------------------------------------------------------------------

    def set_mode(self, mode: Mode, *, origin: object | None = None) -> ModeSwitch:
        """Switch mode; never destroys what the user typed.

        Values that stop applying move to :attr:`set_aside` and come back when a mode they
        apply to returns.
        """
        if mode == self.mode:
            return ModeSwitch((), ())
        said = LazyText(lambda: _("switch to {mode} mode").format(mode=mode))
        with self._editing(said, origin) as batch:
            state = self._state
            state.mode = mode
            aside = inapplicable_paths(state.body, mode)
            for path in aside:
                state.set_aside[path] = jsonpath.remove(state.body, path)
            restored: list[str] = []
            # What was set aside around a value set aside before (a recording config, after
            # its transcoding in another mode) comes back first, and the value into it.
            by_depth = sorted(
                state.set_aside.items(), key=lambda item: len(jsonpath.parse(item[0]))
            )
            for path, value in by_depth:
                if path in aside or not applies(path, value, mode):
                    continue
                _restore(state.body, path, value)
                del state.set_aside[path]
                restored.append(path)
            switch = ModeSwitch(tuple(aside), tuple(restored))
            batch.kind = "mode"
            batch.mode_switch = switch
            batch.paths.extend([*aside, *restored])
        return switch

    # --- undo -------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> str | None:
        """Go back one step; returns what was undone (said in the active language), or
        None when there is nothing."""
        return self._travel(self._undo, self._redo, "undo")

    def redo(self) -> str | None:
        """Do again what was last undone; returns what, or None when there is nothing."""
        return self._travel(self._redo, self._undo, "redo")

    def _travel(self, source: list[_Step], target: list[_Step], kind: str) -> str | None:
        if self._batch is not None or not source:
            return None
        step = source.pop()
        target.append(
            _Step(self._state.copy(), step.description, None, self._clock(), paths=step.paths)
        )
        self._state = step.before.copy()
        self._revision += 1
        said = str(step.description)
        self._announce(Change(self._revision, kind, said, step.paths or ("",)))
        return said


def _is_session(path: str) -> bool:
    return path == SESSION or path.startswith(SESSION + ".")


def _session_key(path: str) -> str:
    return path[len(SESSION) + 1 :]


def _same(a: _State, b: _State) -> bool:
    # == first: it tells most edits apart at C speed; the walk then runs only for an edit
    # that == calls no change, which may still change the JSON (30 to 30.0, 1 to true).
    return (
        a.mode == b.mode
        and a.body == b.body
        and a.session == b.session
        and a.set_aside == b.set_aside
        and a.held == b.held
        and _same_json(
            (a.body, a.session, a.set_aside, a.held), (b.body, b.session, b.set_aside, b.held)
        )
    )


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON: 30 and 30.0, 1 and true differ, though Python's == says they are equal."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_json(value, b[key]) for key, value in a.items())
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(_same_json, a, b))
    return a is b or bool(a == b)


def _required_in(mode: Mode) -> Callable[[str], bool]:
    """Whether the field at a path is required in ``mode``."""
    from rec_tui.spec.catalogue import lookup

    def required(path: str) -> bool:
        declared = lookup(path)
        return declared is not None and mode in declared.required_in

    return required


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

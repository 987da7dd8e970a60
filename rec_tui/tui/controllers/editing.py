"""Working on the request itself: JSON editing (F7), fixes (F8), the diff (F9), copying the
body (Ctrl+B), finding a field, and the customer's endpoint and mode.

The wizard's app creates one :class:`EditingController` and routes the keys here; every
change goes through the draft, so forms, canvas, preview and undo follow by themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rec_tui.i18n import LazyText, _, ngettext
from rec_tui.request.draft import APP_ID, ENDPOINT
from rec_tui.spec.problems import Problem

if TYPE_CHECKING:
    from rec_tui.request.mode_inference import ModeGuess
    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.widgets.json_editor import JsonEditor

JSON_EDITOR_ID = "json-editor"


class EditingController:
    def __init__(self, app: RecTuiApp) -> None:
        self.app = app

    # --- JSON editor (F7) ---------------------------------------------------------------

    @property
    def json_editor(self) -> JsonEditor | None:
        """The JSON editor while it is shown in the preview's place."""
        from rec_tui.tui.widgets.json_editor import JsonEditor

        found = self.app.query(f"#{JSON_EDITOR_ID}")
        if not found or not self.app.has_class("-json"):
            return None
        return found.first(JsonEditor)

    def toggle_json_in_worker(self) -> None:
        """F7 from a key or the palette: :meth:`toggle_json` in a worker, since leaving text
        that does not parse asks first and waits for the answer."""
        self.app.run_worker(self.toggle_json(), group="json-editor")

    async def toggle_json(self) -> None:
        """F7: show the body as editable JSON in the preview's place, or go back (from a
        worker: see :meth:`toggle_json_in_worker`)."""
        editor = self.json_editor
        if editor is not None:
            if not await editor.can_leave():
                return
            self.app.set_class(False, "-json")
            self.app.show_preview_pane(None)
            await editor.remove()
            self.app.focus_current_form()
            return
        from rec_tui.tui.widgets.json_editor import JsonEditor

        editor = JsonEditor(self.app.draft, id=JSON_EDITOR_ID)
        await self.app.query_one("#main").mount(editor)
        self.app.set_class(True, "-json")
        # At 80 columns the editor takes the form's place, as the preview does with F4.
        self.app.show_preview_pane(True)
        editor.text_area.focus()

    def _settle_typing(self) -> None:
        """Take the editor's last keystrokes into the draft before changing it elsewhere."""
        editor = self.json_editor
        if editor is not None:
            editor.check_now()

    async def go_to_problem(self, problem: Problem) -> None:
        """Enter on a problem: its line in the JSON editor when open, else its field."""
        editor = self.json_editor
        if editor is not None:
            editor.goto_path(problem.path)
            editor.text_area.focus()
            return
        await self.app.focus_path(problem.path)

    def edit_externally(self) -> None:
        """Palette "Edit in $EDITOR": through the JSON editor, which does the checks."""
        editor = self.json_editor
        if editor is None:
            self.app.notify(_("Open the JSON editor first (F7), then Ctrl+X."), timeout=4)
            return
        editor.action_edit_externally()

    # --- fixes (F8) ---------------------------------------------------------------------

    def apply_fix(self, problem: Problem | None = None) -> None:
        """F8: apply the fix of the selected problem (else the first one that has a fix)."""
        self._settle_typing()
        problem = problem or self._problem_to_fix()
        if problem is None or problem.fix is None:
            self.app.notify(
                _("No problem here has a one-key fix; the message says what to change."),
                timeout=5,
            )
            return
        from rec_tui.request.fixes.edits import FixDoesNotApply, apply_fix
        from rec_tui.request.fixes.registry import described_now

        draft = self.app.draft
        try:
            fixed = apply_fix(draft.body, problem.fix)
        except FixDoesNotApply:
            self.app.notify(_("The request changed since that fix was offered; try again."))
            return
        chosen, offered_on, mode = problem, draft.request_body(), draft.mode
        # Undone perhaps after a language switch: the fixer then describes its fix again.
        said = LazyText(lambda: _("fix: {fix}").format(fix=described_now(chosen, offered_on, mode)))
        draft.replace_body(fixed, description=said)
        self.app.notify(
            _("{fix} (Ctrl+Z undoes it)").format(fix=problem.fix.description),
            title=_("Fixed"),
            timeout=5,
        )

    def _problem_to_fix(self) -> Problem | None:
        problems = self.app.problems_with_fixes()
        chosen = self.app.selected_problem()
        if chosen is not None and chosen.fix is not None:
            return chosen
        return next((p for p in problems if p.fix is not None), chosen)

    def apply_all_fixes(self) -> None:
        """Palette: every mechanical fix at once, as one undo step."""
        self._settle_typing()
        from rec_tui.request.fixes.apply import apply_all

        draft = self.app.draft
        fixed, applied = apply_all(draft.mode, draft.body, snapshot_intent=draft.snapshot_intent)
        if not applied:
            self.app.notify(_("No problem has a one-key fix."), timeout=4)
            return
        count = len(applied)
        said = LazyText(
            lambda: ngettext("apply {count} fix", "apply {count} fixes", count).format(count=count)
        )
        draft.replace_body(fixed, description=said)
        more = count - 8
        self.app.notify(
            "\n".join(f"• {change.fix.description}" for change in applied[:8])
            + ("\n" + _("… and {count} more").format(count=more) if more > 0 else "")
            + "\n"
            + _("Ctrl+Z undoes them all."),
            title=ngettext("Applied {count} fix", "Applied {count} fixes", count).format(
                count=count
            ),
            timeout=8,
        )

    # --- compare (F9) and copy (Ctrl+B) -------------------------------------------------

    def show_diff(self) -> None:
        self._settle_typing()
        from rec_tui.tui.screens.diff_view import DiffScreen

        self.app.push_screen(DiffScreen(self.app.draft))

    def copy_body(self) -> None:
        """Ctrl+B: the body as JSON, secrets as references, to the clipboard (OSC 52)."""
        self._settle_typing()
        from rec_tui.formats.exporters import export_json
        from rec_tui.tui.screens.export_dialog import osc52_supported

        if not osc52_supported() and not self.app.is_headless:
            self.app.notify(
                _("This terminal cannot take a copy (no OSC 52); use Ctrl+E to save a file."),
                severity="warning",
            )
            return
        self.app.copy_to_clipboard(export_json(self.app.draft))
        self.app.notify(
            _("Copied the request body (secrets as ${REC_TUI_…} references)."), timeout=3
        )

    # --- finding a field ----------------------------------------------------------------

    async def go_to_field(self, path: str) -> None:
        """The palette's field finder: open the field's step and focus it."""
        # A declared path says "[]" for every item; the form shows the first.
        await self.app.focus_path(path.replace("[]", "[0]"))

    # --- the customer's endpoint and mode -----------------------------------------------

    def customer_endpoint(self) -> tuple[str, str] | None:
        """(endpoint, App ID) named by the material the draft was opened from, if any."""
        original = self.app.draft.original
        if original is None or not (original.customer_endpoint or original.customer_app_id):
            return None
        return original.customer_endpoint or "", original.customer_app_id or ""

    def use_customer_endpoint(self) -> None:
        """Palette: send where the customer sent (asks again before the first send)."""
        found = self.customer_endpoint()
        if found is None:
            self.app.notify(_("The request was not opened from material naming an endpoint."))
            return
        endpoint, app_id = found
        edits = [(ENDPOINT, endpoint)] if endpoint else []
        if app_id:
            edits.append((APP_ID, app_id))
        self.app.draft.set_many(
            edits, description=LazyText(lambda: _("use the customer's endpoint"))
        )
        self.app.notify(
            _("Sending now goes to the customer's endpoint; the first send asks first."),
            timeout=6,
        )

    def offer_better_mode(self) -> None:
        """After opening material: offer the mode the body fits better, if there is one."""
        from rec_tui.request.mode_inference import better_mode

        guess = better_mode(self.app.draft.body, self.app.draft.mode)
        if guess is None:
            return
        self._ask_mode_switch(guess)

    def _ask_mode_switch(self, guess: ModeGuess) -> None:
        from rec_tui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.draft.set_mode(guess.mode)

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "This body fits {mode} mode better: {reason}. Switch to {mode} mode? "
                    "Values that stop applying are set aside, not lost."
                ).format(mode=guess.mode, reason=guess.reason),
                confirm=_("Switch to {mode}").format(mode=guess.mode),
                cancel=_("Stay in {mode}").format(mode=self.app.draft.mode),
            ),
            answered,
        )

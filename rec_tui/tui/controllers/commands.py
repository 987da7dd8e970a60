"""The command palette (Ctrl+P): every action, step and mode switch of the wizard.

One list, :func:`wizard_commands`, read by :class:`WizardCommands` (Textual's command
``Provider``); a new action is offered by adding one line to it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from rec_tui.i18n import CHINESE, ENGLISH, LANGUAGES, Language, _, active_language, english
from rec_tui.spec.modes import MODES
from rec_tui.tui.controllers.tokens import generate_token
from rec_tui.tui.steps import STEPS

if TYPE_CHECKING:
    from rec_tui.tui.app import RecTuiApp

# Each language by its own name, as language menus write them.
LANGUAGE_NAMES: Final[dict[Language, str]] = {ENGLISH: "English", CHINESE: "简体中文"}


@dataclass(frozen=True, slots=True)
class Command:
    title: str
    help: str
    callback: Callable[[], Any]


def wizard_commands(app: RecTuiApp) -> list[Command]:
    """What the palette offers, in the order it lists them."""
    commands = [
        Command(
            _("Go to step: {step}").format(step=_(item.title)),
            _("Show the {step} form").format(step=_(item.title))
            if item.applies_to(app.draft.mode)
            else _("Does not apply to this mode"),
            lambda name=item.name: app.run_worker(app.show_step(name)),  # type: ignore[misc]
        )
        for item in STEPS
    ]
    commands.extend(
        Command(
            _("Switch mode to {mode}").format(mode=mode),
            _("Values that stop applying are kept aside and come back later"),
            lambda mode=mode: app.change_recording_mode(mode),  # type: ignore[misc]
        )
        for mode in MODES
        if mode != app.draft.mode
    )
    files, sending, editing = app.files, app.sending, app.editing
    commands.extend(
        (
            Command(_("Next step (F3)"), _("Go to the next step"), app.action_next_step),
            Command(
                _("Previous step (F2)"), _("Go to the previous step"), app.action_previous_step
            ),
            Command(_("Undo (Ctrl+Z)"), _("Take back the last change"), app.action_undo),
            Command(_("Redo (Ctrl+Y)"), _("Do again what was undone"), app.action_redo),
            Command(
                _("Toggle preview (F4)"),
                _("Show or hide the request preview"),
                app.action_toggle_preview,
            ),
            Command(
                _("Focus problems (F5)"), _("Move to the problems list"), app.action_focus_problems
            ),
            Command(
                _("Help on the focused field (F1)"),
                _("What the field does, rules"),
                app.action_help,
            ),
            Command(
                _("Show all keys (F10)"), _("Every key the wizard knows"), app.action_show_keys
            ),
            Command(_("Save preset (Ctrl+S)"), _("Save the draft as the open preset"), files.save),
            Command(_("Save preset as…"), _("Save under a new name"), files.save_as),
            Command(_("Open preset (Ctrl+O)"), _("Pick, rename or delete a preset"), files.open),
            Command(
                _("Import (F6)"),
                _("Paste a JSON body, curl command, log line or a whole ticket"),
                files.import_,
            ),
            Command(
                _("Export (Ctrl+E)"),
                _("JSON, curl, shell script or TOML; secrets as ${REC_TUI_…} references"),
                files.export,
            ),
            Command(
                _("Send: acquire and start (Ctrl+R)"),
                _("Send the request to the chosen endpoint (the sandbox by default)"),
                sending.send,
            ),
            Command(
                _("Send: query the recording (Ctrl+G)"),
                _("Status and files of the running recording, in words"),
                lambda: sending.call("query"),
            ),
            Command(
                _("Send: update the recording"),
                _("Send the subscription lists (or web on-hold/CDN) typed in the Send panel"),
                lambda: sending.call("update"),
            ),
            Command(
                _("Send: update layout (Ctrl+L in the layout designer)"),
                _("Send the Transcoding & layout step's layout to the running mix recording"),
                lambda: sending.call("layout"),
            ),
            Command(
                _("Send: stop the recording (Ctrl+T)"),
                _("Stop it and list its files; a recording left running costs money"),
                lambda: sending.call("stop"),
            ),
            Command(
                _("Copy exchange"),
                _("The last HTTP exchange of the Send panel, secrets masked, to the clipboard"),
                sending.copy_exchange,
            ),
            Command(
                _("Focus the exchanges log"),
                _("Scroll every HTTP exchange with the arrow and page keys"),
                sending.focus_log,
            ),
            Command(
                _("Edit as JSON (F7)"),
                _("The body as text, checked as you type; F7 again goes back"),
                app.action_toggle_json,
            ),
            Command(
                _("Edit in $EDITOR"),
                _("Hand the body to $VISUAL/$EDITOR (from the JSON editor: Ctrl+X)"),
                editing.edit_externally,
            ),
            Command(
                _("Apply the fix of the selected problem (F8)"),
                _("Problems marked [F8 fix] have a one-key fix; Ctrl+Z undoes it"),
                editing.apply_fix,
            ),
            Command(
                _("Apply all fixes"),
                _("Every one-key fix at once, as one undo step"),
                editing.apply_all_fixes,
            ),
            Command(
                _("Compare with the original (F9)"),
                _("What changed since the request was opened or imported, by field"),
                editing.show_diff,
            ),
            Command(
                _("Generate a token for this recorder"),
                _("An RTC token for the App ID, cname and uid, signed with the App Certificate"),
                lambda: generate_token(app),
            ),
            Command(
                _("Copy the request body (Ctrl+B)"),
                _("The body as JSON, secrets as ${REC_TUI_…} references, to the clipboard"),
                editing.copy_body,
            ),
        )
    )
    customer = editing.customer_endpoint()
    if customer is not None:
        endpoint, app_id = customer
        commands.append(
            Command(
                _("Use the customer's endpoint"),
                (
                    _("{endpoint}, App ID {app_id}: the first send asks first")
                    if app_id
                    else _("{endpoint}: the first send asks first")
                ).format(endpoint=endpoint or _("the endpoint in use"), app_id=app_id),
                editing.use_customer_endpoint,
            )
        )
    commands.extend(
        # Named in their own language, so a user who cannot read the other finds theirs.
        Command(
            f"Language: {LANGUAGE_NAMES[language]}",
            _("Show the wizard in {language}; remembered for the next start").format(
                language=LANGUAGE_NAMES[language]
            ),
            lambda language=language: app.run_worker(app.speak(language)),  # type: ignore[misc]
        )
        for language in LANGUAGES
        if language != active_language()
    )
    return commands


class WizardCommands(Provider):
    """Offers :func:`wizard_commands` in the palette, found by fuzzy matching their titles."""

    def _commands(self) -> list[Command]:
        # Only the wizard installs this provider.
        return wizard_commands(cast("RecTuiApp", self.app))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=_plain(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # Found by their English titles too, in whatever language they are shown.
        with english():
            as_written = [command.title for command in self._commands()]
        for command, title in zip(self._commands(), as_written, strict=True):
            score = max(matcher.match(command.title), matcher.match(title))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    command.callback,
                    help=_plain(command.help),
                )


def _plain(help_text: str) -> str:
    """The help as written: the palette reads a hit's help as markup, where "[F8 fix]" is a
    tag (and disappeared). Every bracket is escaped: Textual's own ``escape`` leaves a tag
    that starts with a capital letter, which its markup still takes as one."""
    return help_text.replace("[", "\\[")


class FieldCommands(Provider):
    """Finds any field by label, JSON key or path and jumps to it, opening its step."""

    async def search(self, query: str) -> Hits:
        from rec_tui.spec.field_search import find_fields

        app = cast("RecTuiApp", self.app)
        matcher = self.matcher(query)
        for rank, match in enumerate(find_fields(query, app.draft.mode, limit=12)):
            declared = match.field
            title = _("Field: {label} · {path}").format(label=_(declared.label), path=declared.path)
            applies = declared.applies_to(app.draft.mode)
            fallback = max(0.05, 0.9 - rank * 0.05 - match.rank * 0.1)
            yield Hit(
                # A field named exactly (its key or label: "App ID", "token") scores as the
                # palette's matcher scores its title, like the actions, so it is not listed
                # under an action that merely contains the letters; other fields rank below
                # the actions, best first.
                max(matcher.match(title), fallback) if match.rank == 0 else fallback,
                matcher.highlight(title),
                lambda path=declared.path: app.run_worker(app.editing.go_to_field(path)),
                help=_("Go to this field")
                if applies
                else _("Not used in {mode} mode").format(mode=app.draft.mode),
            )


class WizardPalette(CommandPalette):
    """Textual's palette, made safe against keys pressed before it is ready."""

    def _action_command_list(self, action: str) -> None:
        # Textual 8.2: PageUp/PageDown right after Ctrl+P, before the list has been laid
        # out, raise KeyError in OptionList._move_page (nothing to page through yet).
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)

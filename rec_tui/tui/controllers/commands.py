"""The command palette (Ctrl+P): every action, step and mode switch of the wizard.

One list, :func:`wizard_commands`, read by :class:`WizardCommands` (Textual's command
``Provider``); a new action is offered by adding one line to it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from rec_tui.spec.modes import MODES
from rec_tui.tui.controllers.tokens import generate_token
from rec_tui.tui.steps import STEPS

if TYPE_CHECKING:
    from rec_tui.tui.app import RecTuiApp


@dataclass(frozen=True, slots=True)
class Command:
    title: str
    help: str
    callback: Callable[[], Any]


def wizard_commands(app: RecTuiApp) -> list[Command]:
    """What the palette offers, in the order it lists them."""
    commands = [
        Command(
            f"Go to step: {item.title}",
            f"Show the {item.title} form"
            if item.applies_to(app.draft.mode)
            else "Does not apply to this mode",
            lambda name=item.name: app.run_worker(app.show_step(name)),  # type: ignore[misc]
        )
        for item in STEPS
    ]
    commands.extend(
        Command(
            f"Switch mode to {mode}",
            "Values that stop applying are kept aside and come back later",
            lambda mode=mode: app.change_recording_mode(mode),  # type: ignore[misc]
        )
        for mode in MODES
        if mode != app.draft.mode
    )
    files, sending, editing = app.files, app.sending, app.editing
    commands.extend(
        (
            Command("Next step (F3)", "Go to the next step", app.action_next_step),
            Command("Previous step (F2)", "Go to the previous step", app.action_previous_step),
            Command("Undo (Ctrl+Z)", "Take back the last change", app.action_undo),
            Command("Redo (Ctrl+Y)", "Do again what was undone", app.action_redo),
            Command(
                "Toggle preview (F4)", "Show or hide the request preview", app.action_toggle_preview
            ),
            Command("Focus problems (F5)", "Move to the problems list", app.action_focus_problems),
            Command(
                "Help on the focused field (F1)", "What the field does, rules", app.action_help
            ),
            Command("Show all keys (F10)", "Every key the wizard knows", app.action_show_keys),
            Command("Save preset (Ctrl+S)", "Save the draft as the open preset", files.save),
            Command("Save preset as…", "Save under a new name", files.save_as),
            Command("Open preset (Ctrl+O)", "Pick, rename or delete a preset", files.open),
            Command(
                "Import (F6)",
                "Paste a JSON body, curl command, log line or a whole ticket",
                files.import_,
            ),
            Command(
                "Export (Ctrl+E)",
                "JSON, curl, shell script or TOML; secrets as ${REC_TUI_…} references",
                files.export,
            ),
            Command(
                "Send: acquire and start (Ctrl+R)",
                "Send the request to the chosen endpoint (the sandbox by default)",
                sending.send,
            ),
            Command(
                "Send: query the recording (Ctrl+G)",
                "Status and files of the running recording, in words",
                lambda: sending.call("query"),
            ),
            Command(
                "Send: update the recording",
                "Send the subscription lists (or web on-hold/CDN) typed in the Send panel",
                lambda: sending.call("update"),
            ),
            Command(
                "Send: update layout (Ctrl+L in the layout designer)",
                "Send the Transcoding & layout step's layout to the running mix recording",
                lambda: sending.call("layout"),
            ),
            Command(
                "Send: stop the recording (Ctrl+T)",
                "Stop it and list its files; a recording left running costs money",
                lambda: sending.call("stop"),
            ),
            Command(
                "Copy exchange",
                "The last HTTP exchange of the Send panel, secrets masked, to the clipboard",
                sending.copy_exchange,
            ),
            Command(
                "Focus the exchanges log",
                "Scroll every HTTP exchange with the arrow and page keys",
                sending.focus_log,
            ),
            Command(
                "Edit as JSON (F7)",
                "The body as text, checked as you type; F7 again goes back",
                app.action_toggle_json,
            ),
            Command(
                "Edit in $EDITOR",
                "Hand the body to $VISUAL/$EDITOR (from the JSON editor: Ctrl+X)",
                editing.edit_externally,
            ),
            Command(
                "Apply the fix of the selected problem (F8)",
                "Problems marked [F8 fix] have a one-key fix; Ctrl+Z undoes it",
                editing.apply_fix,
            ),
            Command(
                "Apply all fixes",
                "Every one-key fix at once, as one undo step",
                editing.apply_all_fixes,
            ),
            Command(
                "Compare with the original (F9)",
                "What changed since the request was opened or imported, by field",
                editing.show_diff,
            ),
            Command(
                "Generate a token for this recorder",
                "An RTC token for the App ID, cname and uid, signed with the App Certificate",
                lambda: generate_token(app),
            ),
            Command(
                "Copy the request body (Ctrl+B)",
                "The body as JSON, secrets as ${REC_TUI_…} references, to the clipboard",
                editing.copy_body,
            ),
        )
    )
    customer = editing.customer_endpoint()
    if customer is not None:
        endpoint, app_id = customer
        commands.append(
            Command(
                "Use the customer's endpoint",
                f"{endpoint or 'the endpoint in use'}"
                + (f", App ID {app_id}" if app_id else "")
                + ": the first send asks first",
                editing.use_customer_endpoint,
            )
        )
    return commands


class WizardCommands(Provider):
    """Offers :func:`wizard_commands` in the palette, found by fuzzy matching their titles."""

    def _commands(self) -> list[Command]:
        # Only the wizard installs this provider.
        return wizard_commands(cast("RecTuiApp", self.app))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )


class FieldCommands(Provider):
    """Finds any field by label, JSON key or path and jumps to it, opening its step."""

    async def search(self, query: str) -> Hits:
        from rec_tui.spec.field_search import find_fields

        app = cast("RecTuiApp", self.app)
        matcher = self.matcher(query)
        for rank, match in enumerate(find_fields(query, app.draft.mode, limit=12)):
            declared = match.field
            title = f"Field: {declared.label} · {declared.path}"
            applies = declared.applies_to(app.draft.mode)
            yield Hit(
                # Field matches rank below the actions of the same score, best first.
                max(0.05, 0.9 - rank * 0.05 - match.rank * 0.1),
                matcher.highlight(title),
                lambda path=declared.path: app.run_worker(app.editing.go_to_field(path)),
                help="Go to this field" if applies else f"Not used in {app.draft.mode} mode",
            )


class WizardPalette(CommandPalette):
    """Textual's palette, made safe against keys pressed before it is ready."""

    def _action_command_list(self, action: str) -> None:
        # Textual 8.2: PageUp/PageDown right after Ctrl+P, before the list has been laid
        # out, raise KeyError in OptionList._move_page (nothing to page through yet).
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)

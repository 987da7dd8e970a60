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
    files, sending = app.files, app.sending
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
            Command("Import (F6)", "Paste a JSON body, curl command or log line", files.import_),
            Command("Export (Ctrl+E)", "JSON, curl or TOML, secrets masked", files.export),
            Command(
                "Send: acquire and start (Ctrl+R)",
                "Send the request to the chosen endpoint (the sandbox by default)",
                sending.send,
            ),
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


class WizardPalette(CommandPalette):
    """Textual's palette, made safe against keys pressed before it is ready."""

    def _action_command_list(self, action: str) -> None:
        # Textual 8.2: PageUp/PageDown right after Ctrl+P, before the list has been laid
        # out, raise KeyError in OptionList._move_page (nothing to page through yet).
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)

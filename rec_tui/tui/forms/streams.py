"""Step 2, Streams: what the recorder subscribes to, decryption, and who is recorded."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from rec_tui.i18n import N_, LazyText, _, ngettext
from rec_tui.spec.rules.context import REC
from rec_tui.spec.uid_groups import GROUP_CAPACITY, distinct_uids, smallest_group
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.css_classes import update_if_changed

_LISTS = ("subscribeAudioUids", "subscribeVideoUids")


class StreamsForm(StepForm):
    STEP = "streams"
    INTRO = N_("What the recorder subscribes to. Leave a list empty to record everyone.")
    DEFAULT_CSS = """
    StreamsForm #group-hint { height: auto; padding: 0 0 0 1; }
    StreamsForm #group-hint Static { width: 1fr; color: $text-muted; }
    StreamsForm #group-hint Button { margin: 0 0 0 2; }
    """

    def compose_fields(self) -> ComposeResult:
        yield from self.editors_for(
            f"{REC}.{key}"
            for key in (
                "channelType",
                "streamTypes",
                "streamMode",
                "videoStreamType",
                "maxIdleTime",
                "audioProfile",
                "decryptionMode",
                "secret",
                "salt",
            )
        )
        yield Static(_("Who is recorded"), classes="section-title")
        yield from self.editors_for(
            f"{REC}.{key}"
            for key in (
                "subscribeAudioUids",
                "unSubscribeAudioUids",
                "subscribeVideoUids",
                "unSubscribeVideoUids",
                "subscribeUidGroup",
            )
        )
        with Horizontal(id="group-hint"):
            yield Static("", id="group-suggestion")
            yield Button(_("Use it"), id="use-group", compact=True)

    def _users(self) -> int | None:
        """Distinct users subscribed, counted as rule R57 counts them; None: unknown."""
        uids = distinct_uids(self.draft.get(f"{REC}.{key}") for key in _LISTS)
        return None if uids is None else len(uids)

    def _suggestion(self) -> int | None:
        users = self._users()
        return smallest_group(users) if users else None

    def after_sync(self) -> None:
        users = self._users()
        group = self._suggestion()
        current = self.draft.get(f"{REC}.subscribeUidGroup")
        text = ""
        if users is None:
            text = _("#allstream# is listed, so the number of users is unknown.")
        elif users and group is None:
            most = max(GROUP_CAPACITY.values())
            text = ngettext(
                "{count} user listed: more than any group covers ({most}).",
                "{count} users listed: more than any group covers ({most}).",
                users,
            ).format(count=users, most=most)
        elif users and group is not None:
            text = ngettext(
                "{count} user listed → suggested {group} (up to {capacity} users).",
                "{count} users listed → suggested {group} (up to {capacity} users).",
                users,
            ).format(count=users, group=group, capacity=GROUP_CAPACITY[group])
        # Only when the words change: an update lays the whole screen out again, and this
        # runs on every key typed in the step.
        update_if_changed(self.query_one("#group-suggestion", Static), text)
        self.query_one("#use-group", Button).display = group is not None and group != current

    @on(Button.Pressed, "#use-group")
    def _use_group(self, event: Button.Pressed) -> None:
        event.stop()
        group = self._suggestion()
        if group is not None:
            self.draft.set(
                f"{REC}.subscribeUidGroup",
                group,
                description=LazyText(lambda: _("use the suggested group")),
            )

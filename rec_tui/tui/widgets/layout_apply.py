"""Apply layout: send the designer's layout to the running mix recording (updateLayout).

The recording must have been started from this app (the Send panel in the Review step keeps
the running sessions). The whole layout is sent — every layout field the draft sets —
because updateLayout replaces the layout and any field left out reverts to its default.
The body is checked first with the same checks the Send panel applies; errors stop it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from rec_tui.i18n import N_, _
from rec_tui.request.call_checks import check_update_layout, layout_of
from rec_tui.spec.problems import Problem

if TYPE_CHECKING:
    from rec_tui.agora.lifecycle import RecordingSession
    from rec_tui.tui.send_panel import SendPanel

# Declared here, said with _() where they are shown.
NO_RECORDING = N_(
    "No mix recording started from rec-tui is running. Start one from the Review "
    "step (Ctrl+R), then apply the layout here."
)
NOT_MIX = N_(
    "The newest running recording is a {mode} recording; updateLayout works for mix "
    "recordings only."
)
BUSY = N_("The Send panel is still busy with {busy}; apply the layout when it has finished.")


# Why the line under the canvas says what it says, which is also what makes it go:
# "no-target" until a mix recording runs, "refused" until the layout passes its checks,
# "busy" and "sending" until the Send panel's call ends, "answered" until the layout changes.
StatusKind = Literal["no-target", "refused", "busy", "sending", "answered"]
_MARKS: dict[StatusKind, str] = {
    "no-target": "⚠",
    "refused": "✗",
    "busy": "⚠",
    "sending": "…",
    "answered": "✓",
}


@dataclass(frozen=True, slots=True)
class ApplyStatus:
    """What Ctrl+L did, shown on the canvas where it was pressed until its cause goes."""

    kind: StatusKind
    text: str
    error: bool = False

    def line(self) -> str:
        return f"Ctrl+L {'✗' if self.error else _MARKS[self.kind]} {self.text}"


@dataclass(frozen=True, slots=True)
class ApplyTarget:
    panel: SendPanel
    session: RecordingSession


def find_target(panel: SendPanel | None) -> ApplyTarget | str:
    """The Send panel's running mix recording, or why there is none."""
    session = panel.current if panel is not None else None
    if panel is None or session is None:
        return _(NO_RECORDING)
    if session.mode != "mix":
        return _(NOT_MIX).format(mode=session.mode)
    return ApplyTarget(panel, session)


def layout_request(body: Any) -> dict[str, Any]:
    """The updateLayout clientRequest: every layout field the draft's transcodingConfig sets."""
    return layout_of(body)


def check(target: ApplyTarget, request: dict[str, Any]) -> list[Problem]:
    session = target.session
    return check_update_layout(
        "mix",
        session.control_body(request),
        acquire=session.acquire_body,
        current_layout=session.layout,
        start_body=session.start_body,
    )


def refusal(problems: list[Problem]) -> str | None:
    """What stops the call, in words, or None when it may be sent."""
    errors = [p for p in problems if p.is_error]
    if not errors:
        return None
    listed = "; ".join(
        _("{message} ({rule} at {path})").format(
            message=p.message, rule=p.rule_id, path=p.path or _("the body")
        )
        for p in errors[:3]
    )
    refused = (
        _(
            "Layout not sent: {problems} and {count} more. Fix these in the canvas or the "
            "form first."
        )
        if len(errors) > 3
        else _("Layout not sent: {problems}. Fix these in the canvas or the form first.")
    )
    return refused.format(problems=listed, count=len(errors) - 3)

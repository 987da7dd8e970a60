"""The wizard as the keystroke benchmarks run it in tmux: a body, a step, a focused widget.

Run: ``python tests/bench/wizard_child.py BODY.json MODE STEP FOCUS`` where FOCUS is the
body path of a field (its input gets the focus, the cursor at the end) or ``canvas`` (the
layout canvas gets the focus, its first tile selected). It is the real app in a real
terminal; only the focus is placed by code instead of by Tab presses. With
``REC_TUI_BENCH_SOURCE=DIR`` in its environment it runs the rec_tui of the checkout in DIR
(the benchmarks' ``--before DIR``), so code before and after a change is measured by the
same harness in the same run.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# REC_TUI_BENCH_SOURCE: another checkout's rec_tui (a before/after run of one harness).
sys.path.insert(0, os.environ.get("REC_TUI_BENCH_SOURCE") or str(Path(__file__).parents[2]))

from textual.widgets import Input

from rec_tui.request.draft import Draft
from rec_tui.spec.modes import is_mode
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.field_editor import FieldEditor


class FocusedWizard(RecTuiApp):
    def __init__(self, draft: Draft, step: str, focus: str) -> None:
        super().__init__(draft, start_step=step)
        self.focus_target = focus

    def on_mount(self) -> None:
        # Textual calls RecTuiApp.on_mount too (handlers run for every class of the MRO):
        # calling it from here as well would subscribe the wizard to the draft twice and
        # do every keystroke's work twice.
        # Once the first screen is up and settled, as a person would find it.
        self.set_timer(0.3, self.place_focus)

    def place_focus(self) -> None:
        if self.focus_target == "canvas":
            from rec_tui.tui.widgets.layout_canvas import LayoutCanvas

            canvas = self.query_one(LayoutCanvas)
            canvas.action_select(0)
            canvas.focus()
            return
        editor = next(e for e in self.query(FieldEditor) if e.path == self.focus_target)
        field_input = editor.query_one(Input)
        field_input.cursor_blink = False  # every blink is a frame the benchmark would see
        field_input.select_on_focus = False  # a typed key adds to the value
        field_input.focus()
        field_input.action_end()


def main() -> None:
    body_file, mode, step, focus = sys.argv[1:5]
    draft = Draft(mode=mode if is_mode(mode) else "mix")
    draft.replace_body(json.loads(Path(body_file).read_text(encoding="utf-8")))
    app = FocusedWizard(draft, step, focus)
    profile_to = os.environ.get("REC_TUI_BENCH_PROFILE")
    if not profile_to:
        app.run()
        return
    # A diagnostic: cProfile of what the app does after its first frame, for as many
    # seconds as REC_TUI_BENCH_PROFILE_SECONDS says; then the stats are written and it exits.
    import cProfile

    profiler = cProfile.Profile()
    seconds = float(os.environ.get("REC_TUI_BENCH_PROFILE_SECONDS", "10"))

    def finish() -> None:
        profiler.disable()
        profiler.dump_stats(profile_to)
        app.exit()

    def begin() -> None:
        profiler.enable()
        app.set_timer(seconds, finish)

    app.call_later(lambda: app.call_after_refresh(begin))
    app.run()


if __name__ == "__main__":
    main()

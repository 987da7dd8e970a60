"""The mix-mode video layout: tiles, editing, templates, Agora's preset arrangements and marks.

No Textual here: the canvas widget in ``rec_tui/tui/widgets/layout_canvas.py`` draws what
these modules compute, so the same numbers can be checked headless.
"""

"""The preview writes again only the lines of the values a change touched (json_lines.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from rec_tui.tui import json_lines
from rec_tui.tui.json_lines import changed_scalars, render
from rec_tui.tui.widgets.preview import Preview, preview_lines

BODY: dict[str, Any] = {
    "cname": "room",
    "uid": "1",
    "clientRequest": {
        "recordingConfig": {
            "maxIdleTime": 30,
            "subscribeAudioUids": ["1", "2"],
            "transcodingConfig": {
                "layoutConfig": [
                    {"uid": "1000", "x_axis": 0.0, "alpha": 1.0},
                    {"uid": "1001", "x_axis": 0.5, "alpha": 1.0},
                ],
                "backgroundConfig": [],
            },
            "streamTypes": 1,
        },
        "extra": {},
    },
}


def edited(change: Any) -> dict[str, Any]:
    body = copy.deepcopy(BODY)
    change(body)
    return body


def tile(body: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = body["clientRequest"]["recordingConfig"]["transcodingConfig"][
        "layoutConfig"
    ][0]
    return first


SAME_SHAPE = {
    "a string typed": lambda b: tile(b).update(uid="10007"),
    "a number moved": lambda b: tile(b).update(x_axis=0.01),
    "an int now a float": lambda b: b["clientRequest"]["recordingConfig"].update(maxIdleTime=30.0),
    "an int now true": lambda b: b["clientRequest"]["recordingConfig"].update(streamTypes=True),
    "text with quotes and CJK": lambda b: b.update(cname='房间 "1"\n'),
    "two values at once": lambda b: (tile(b).update(x_axis=0.25), b.update(uid="2")),
    "a value now an empty object": lambda b: b.update(uid={}),  # written on one line
    "nothing": lambda b: None,
}
NEW_SHAPE = {
    "a key added": lambda b: tile(b).update(width=0.5),
    "a key removed": lambda b: tile(b).pop("alpha"),
    "keys in another order": lambda b: b.update(cname=b.pop("cname")),
    "a list longer": lambda b: b["clientRequest"]["recordingConfig"]["subscribeAudioUids"].append(
        "3"
    ),
    "an empty list filled": lambda b: b["clientRequest"]["recordingConfig"]["transcodingConfig"][
        "backgroundConfig"
    ].append({"uid": "1"}),
    "an object emptied": lambda b: tile(b).clear(),
    "a value now an object": lambda b: b.update(uid={"a": 1}),
    "an empty object filled": lambda b: b["clientRequest"]["extra"].update(a=1),
}


@pytest.mark.parametrize("change", SAME_SHAPE.values(), ids=SAME_SHAPE.keys())
def test_a_changed_value_writes_its_line_alone_exactly_as_rendering_it_all(change: Any) -> None:
    new = edited(change)
    found = changed_scalars(copy.deepcopy(BODY), new)
    assert found is not None
    patched = render(BODY).with_scalars(found)
    assert patched == render(new)


@pytest.mark.parametrize("change", NEW_SHAPE.values(), ids=NEW_SHAPE.keys())
def test_a_change_of_shape_is_rendered_again(change: Any) -> None:
    assert changed_scalars(copy.deepcopy(BODY), edited(change)) is None


def test_a_value_typed_in_the_preview_renders_the_body_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered: list[Any] = []
    real_render = json_lines.render

    def counted(value: Any) -> json_lines.RenderedJson:
        rendered.append(value)
        return real_render(value)

    typed = edited(lambda b: tile(b).update(uid="10007"))
    typed_lines = "\n".join(line.plain for line in preview_lines(typed, []))
    monkeypatch.setattr(json_lines, "render", counted)
    preview = Preview()
    preview.show("", BODY, [])
    assert len(rendered) == 1
    preview.show("", typed, [])
    assert len(rendered) == 1  # the uid's line alone was written again
    assert '"uid": "10007",' in preview.json_view.plain
    assert preview.json_view.plain == typed_lines
    grown = edited(lambda b: tile(b).update(width=0.5))
    preview.show("", grown, [])
    assert len(rendered) == 2  # a new key: the body is rendered again
    assert '"width": 0.5' in preview.json_view.plain


def test_drawing_a_preview_line_parses_no_style(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.style import Style

    lines = preview_lines(BODY, [])
    parsed: list[str] = []
    real_parse = Style.parse.__func__  # type: ignore[attr-defined]

    def counting_parse(cls: type[Style], text: str) -> Style:
        parsed.append(text)
        return real_parse(cls, text)

    monkeypatch.setattr(Style, "parse", classmethod(counting_parse))
    drawn = [list(line.render_segments(Style())) for line in lines]
    # A span's style given as text would be parsed each time its line is drawn.
    assert parsed == []
    assert any(segment.style is not None and segment.style.bold for row in drawn for segment in row)


async def test_a_line_cut_at_the_panes_edge_ends_in_an_ellipsis() -> None:
    """A value cut by the pane's edge is not the value: the line says it goes on."""
    from textual.app import App, ComposeResult

    from rec_tui.tui.widgets.preview import JsonView

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield JsonView()

    body = {"cname": "a-channel-name-longer-than-the-pane", "uid": "1"}
    async with Host().run_test(size=(30, 10)) as pilot:
        view = pilot.app.query_one(JsonView)
        view.show(preview_lines(body, []))
        await pilot.pause()
        shown = [view.render_line(y).text for y in range(4)]
        assert shown[1].rstrip().endswith("…") and len(shown[1]) == view.size.width
        assert shown[1].startswith('    "cname": "a-channel')
        assert shown[2].strip() == '"uid": "1"'  # a line that fits is drawn as it is
        view.scroll_to(x=view.max_scroll_x, animate=False, immediate=True)
        await pilot.pause()
        assert not view.render_line(1).text.rstrip().endswith("…")  # its end is in view

"""Transcoding and layout rules R59–R79: each fires (severity, path) and stays silent."""

from __future__ import annotations

from typing import Any

from rec_tui.spec import fields_extension, fields_files, fields_legacy, fields_transcoding
from rec_tui.spec.rules import all_rules
from tests.support.rules import REMOVE, changed, fired, table_tests

TC = "clientRequest.recordingConfig.transcodingConfig"
LC = f"{TC}.layoutConfig"
BG = f"{TC}.backgroundConfig"


def tile(x: float = 0.0, y: float = 0.0, w: float = 0.5, h: float = 0.5, **extra: Any) -> dict:
    return {"x_axis": x, "y_axis": y, "width": w, "height": h, **extra}


def custom(*tiles: dict) -> dict[str, Any]:
    return {f"{TC}.mixedVideoLayout": 3, LC: list(tiles)}


IMAGE = "https://example.com/bg.jpg"

FIRES = [
    ("tc.mode", "individual", {TC: {"width": 640}}, "error", TC),
    ("tc.complete", "mix", {f"{TC}.fps": REMOVE}, "error", f"{TC}.fps"),
    ("tc.complete", "mix", {f"{TC}.bitrate": None}, "error", f"{TC}.bitrate"),
    ("tc.dims.range", "mix", {f"{TC}.width": 1921}, "error", f"{TC}.width"),
    ("tc.dims.range", "mix", {f"{TC}.height": 0}, "error", f"{TC}.height"),
    ("tc.dims.range", "mix", {f"{TC}.height": 360.5}, "error", f"{TC}.height"),
    ("tc.dims.area", "mix", {f"{TC}.width": 1920, f"{TC}.height": 1920}, "error", f"{TC}.width"),
    ("tc.fps.set", "mix", {f"{TC}.fps": 25}, "warning", f"{TC}.fps"),
    ("tc.bitrate.range", "mix", {f"{TC}.bitrate": 0}, "error", f"{TC}.bitrate"),
    ("tc.bitrate.range", "mix", {f"{TC}.bitrate": 6501}, "error", f"{TC}.bitrate"),
    ("tc.layout.enum", "mix", {f"{TC}.mixedVideoLayout": 4}, "error", f"{TC}.mixedVideoLayout"),
    ("tc.layout.custom_needs_config", "mix", {f"{TC}.mixedVideoLayout": 3}, "error", LC),
    ("tc.layout.custom_needs_config", "mix", custom(), "error", LC),
    ("tc.layout.config_ignored", "mix", {LC: [tile()]}, "warning", LC),
    ("tc.layout.max17", "mix", custom(*[tile()] * 18), "error", LC),
    ("tc.tile.fields", "mix", custom(tile(), {"x_axis": 0, "y_axis": 0, "width": 1}), "error",
     f"{LC}[1].height"),
    ("tc.tile.fields", "mix", custom(tile(x=1.5)), "error", f"{LC}[0].x_axis"),
    ("tc.tile.fields", "mix", custom(tile(h=-0.1)), "error", f"{LC}[0].height"),
    ("tc.tile.bounds", "mix", custom(tile(), tile(x=0.6, w=0.5)), "warning", f"{LC}[1]"),
    ("tc.tile.bounds", "mix", custom(tile(y=0.75, h=0.3)), "warning", f"{LC}[0]"),
    ("tc.tile.alpha_render", "mix", custom(tile(alpha=1.2)), "error", f"{LC}[0].alpha"),
    ("tc.tile.alpha_render", "mix", custom(tile(render_mode=2)), "error", f"{LC}[0].render_mode"),
    ("tc.tile.precision", "mix", custom(tile(x=0.1234567)), "warning", f"{LC}[0].x_axis"),
    ("tc.tile.precision", "mix", custom(tile(alpha=1e-7)), "warning", f"{LC}[0].alpha"),
    ("tc.tile.uid", "mix", custom(tile(uid="12a")), "error", f"{LC}[0].uid"),
    ("tc.tile.uid", "mix", custom(tile(uid="0")), "error", f"{LC}[0].uid"),
    ("tc.tile.uid", "mix", custom(tile(uid="0123")), "warning", f"{LC}[0].uid"),
    ("tc.tile.uid", "mix", custom(tile(uid="123"), tile(uid="123")), "warning", f"{LC}[1].uid"),
    ("tc.maxres.format", "mix", {f"{TC}.maxResolutionUid": "-5"}, "error",
     f"{TC}.maxResolutionUid"),
    ("tc.maxres.format", "mix", {f"{TC}.maxResolutionUid": "0123"}, "warning",
     f"{TC}.maxResolutionUid"),
    ("tc.vertical.needs_maxres", "mix", {f"{TC}.mixedVideoLayout": 2}, "warning",
     f"{TC}.maxResolutionUid"),
    ("tc.vertical.needs_maxres", "mix", {f"{TC}.mixedVideoLayout": 2,
     f"{TC}.maxResolutionUid": ""}, "warning", f"{TC}.maxResolutionUid"),
    ("tc.maxres.ignored", "mix", {f"{TC}.maxResolutionUid": "123"}, "warning",
     f"{TC}.maxResolutionUid"),
    ("tc.color.format", "mix", {f"{TC}.backgroundColor": "#FFF"}, "error",
     f"{TC}.backgroundColor"),
    ("tc.color.format", "mix", {f"{TC}.backgroundColor": "FF0000"}, "error",
     f"{TC}.backgroundColor"),
    ("tc.image.url", "mix", {f"{TC}.backgroundImage": "ftp://x/bg.jpg"}, "error",
     f"{TC}.backgroundImage"),
    ("tc.image.url", "mix", {f"{TC}.defaultUserBackgroundImage": "https://x/bg.png"}, "warning",
     f"{TC}.defaultUserBackgroundImage"),
    ("tc.image.url", "mix", {BG: [{"uid": "1", "image_url": "example.com/a.jpg"}]}, "error",
     f"{BG}[0].image_url"),
    ("tc.bgconfig.entry", "mix", {BG: [{"uid": "1"}]}, "error", f"{BG}[0].image_url"),
    ("tc.bgconfig.entry", "mix", {BG: [{"image_url": IMAGE}]}, "error", f"{BG}[0].uid"),
    ("tc.bgconfig.entry", "mix", {BG: [{"uid": "x", "image_url": IMAGE}]}, "error",
     f"{BG}[0].uid"),
    ("tc.bgconfig.entry", "mix", {BG: [{"uid": "01", "image_url": IMAGE}]}, "warning",
     f"{BG}[0].uid"),
    ("tc.bgconfig.entry", "mix", {BG: [{"uid": "1", "image_url": IMAGE, "render_mode": 5}]},
     "error", f"{BG}[0].render_mode"),
]  # fmt: skip

SILENT = [
    ("tc.mode", "mix", {}),
    ("tc.mode", "individual", {}),
    ("tc.complete", "mix", {}),
    ("tc.complete", "mix", {TC: REMOVE}),
    ("tc.dims.range", "mix", {f"{TC}.width": 1920, f"{TC}.height": 1}),
    ("tc.dims.range", "mix", {f"{TC}.width": 640.0}),
    ("tc.dims.range", "mix", {f"{TC}.width": "640"}),  # R17's business
    ("tc.dims.area", "mix", {f"{TC}.width": 1920, f"{TC}.height": 1080}),
    ("tc.fps.set", "mix", {f"{TC}.fps": 60}),
    ("tc.bitrate.range", "mix", {f"{TC}.bitrate": 6500}),
    ("tc.layout.enum", "mix", {f"{TC}.mixedVideoLayout": 3.0, LC: [{}]}),
    ("tc.layout.custom_needs_config", "mix", custom(tile())),
    ("tc.layout.config_ignored", "mix", custom(tile())),
    ("tc.layout.config_ignored", "mix", {f"{TC}.mixedVideoLayout": "1", LC: [tile()]}),
    ("tc.layout.max17", "mix", custom(*[tile()] * 17)),
    ("tc.tile.fields", "mix", custom(tile(0, 0, 1, 1), tile(1, 1, 0, 0))),
    ("tc.tile.bounds", "mix", custom(tile(x=0.7, w=0.3), tile(y=0.1 + 0.2, h=0.7))),
    ("tc.tile.alpha_render", "mix", custom(tile(alpha=0, render_mode=1))),
    ("tc.tile.precision", "mix", custom(tile(x=0.123456, y=0.5, w=0.25, h=1))),
    ("tc.tile.uid", "mix", custom(tile(uid="123"), tile(uid="456"), tile(uid=""), tile())),
    ("tc.maxres.format", "mix", {f"{TC}.mixedVideoLayout": 2, f"{TC}.maxResolutionUid": "1"}),
    ("tc.vertical.needs_maxres", "mix", {f"{TC}.mixedVideoLayout": 2,
     f"{TC}.maxResolutionUid": "123"}),
    ("tc.vertical.needs_maxres", "mix", {}),
    ("tc.maxres.ignored", "mix", {f"{TC}.mixedVideoLayout": 2, f"{TC}.maxResolutionUid": "1"}),
    ("tc.color.format", "mix", {f"{TC}.backgroundColor": "#a0B1c2"}),
    ("tc.image.url", "mix", {f"{TC}.backgroundImage": "http://10.0.0.1:8080/bg.JPEG?v=2",
     f"{TC}.defaultUserBackgroundImage": "https://xxxxx/p.bmp"}),
    ("tc.bgconfig.entry", "mix", {BG: [{"uid": "1", "image_url": IMAGE, "render_mode": 1}]}),
]  # fmt: skip


test_rule_fires, test_rule_stays_silent = table_tests(FIRES, SILENT)


def test_transcoding_rules_judge_only_mix_bodies() -> None:
    body = changed("web", {f"{TC}.width": 5000, f"{TC}.fps": 25})
    assert fired("web", body, "tc.dims.range") == []
    assert fired("web", body, "tc.fps.set") == []


def test_precision_counts_decimals_as_written_not_binary() -> None:
    # 0.1 is 0.1000000000000000055… in binary; it is written with one decimal.
    assert fired("mix", changed("mix", custom(tile(x=0.1, w=0.7))), "tc.tile.precision") == []
    sum_of_floats = 0.1 + 0.2  # repr 0.30000000000000004: 17 decimals as serialised
    body = changed("mix", custom(tile(x=sum_of_floats)))
    assert [p.path for p in fired("mix", body, "tc.tile.precision")] == [f"{LC}[0].x_axis"]


def test_duplicate_uids_compare_as_numbers() -> None:
    body = changed("mix", custom(tile(uid="123"), tile(uid="0123")))
    severities = sorted(p.severity for p in fired("mix", body, "tc.tile.uid"))
    assert severities == ["warning", "warning"]  # leading zeros, and the same user twice


def test_missing_transcoding_fields_each_named() -> None:
    body = changed("mix", {TC: {"mixedVideoLayout": 1}})
    paths = {p.path for p in fired("mix", body, "tc.complete")}
    assert paths == {f"{TC}.{key}" for key in ("width", "height", "fps", "bitrate")}


def test_rules_named_by_these_declarations_are_registered() -> None:
    """The field declarations' ``rules`` point F1 help at rules that really exist."""
    registered = {r.name for r in all_rules()}
    declared = {
        (field.path, name)
        for module in (fields_transcoding, fields_files, fields_extension, fields_legacy)
        for field in module.FIELDS
        for name in field.rules
    }
    assert {(path, name) for path, name in declared if name not in registered} == set()

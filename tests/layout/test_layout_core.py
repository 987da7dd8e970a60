"""The layout core: exact JSON round trips, editing steps, templates and preset arrangements."""

from __future__ import annotations

import json

import pytest

from rec_tui.layout import presets, templates
from rec_tui.layout.edit import FINE_STEP, MAX_TILES, STEP, LayoutEditor
from rec_tui.layout.marks import overlaps
from rec_tui.layout.tile import Tile, tiles_from_json, tiles_to_json

# --- tiles and JSON -----------------------------------------------------------------------


def test_round_trip_keeps_values_order_and_unknown_keys() -> None:
    config = [
        {
            "uid": "527841",
            "x_axis": 0.1,
            "y_axis": 0.2,
            "width": 0.3,
            "height": 0.4,
            "alpha": 0.5,
            "render_mode": 1,
            "note": "kept",
        }
    ]
    assert tiles_to_json(tiles_from_json(config)) == config
    assert list(tiles_to_json(tiles_from_json(config))[0]) == list(config[0])


def test_missing_geometry_is_not_invented_until_edited() -> None:
    tiles = tiles_from_json([{"x_axis": 0.5, "width": "wide"}])
    assert tiles_to_json(tiles) == [{"x_axis": 0.5, "width": "wide"}]
    editor = LayoutEditor(tiles)
    editor.resize(1, 1)
    assert tiles_to_json(editor.tiles) == [{"x_axis": 0.5, "width": 0.01, "height": 0.01}]


def test_moves_never_create_float_noise() -> None:
    editor = LayoutEditor([Tile(0.1, 0.0, 0.2, 0.2)])
    for _ in range(20):
        editor.move(1, 0)
    text = json.dumps(tiles_to_json(editor.tiles))
    assert '"x_axis": 0.3' in text and "0000000" not in text


# --- editing ----------------------------------------------------------------------------


def test_move_and_resize_by_steps_and_fine_steps() -> None:
    editor = LayoutEditor([Tile(0.5, 0.5, 0.25, 0.25)])
    editor.move(1, -2)
    assert (editor.tiles[0].x, editor.tiles[0].y) == (0.5 + STEP, 0.48)
    editor.move(-3, 0, fine=True)
    assert editor.tiles[0].x == 0.507
    editor.resize(2, -1)
    assert (editor.tiles[0].width, editor.tiles[0].height) == (0.27, 0.24)
    editor.resize(0, 1, fine=True)
    assert editor.tiles[0].height == 0.24 + FINE_STEP


def test_edges_stop_at_zero_and_one_but_allow_off_canvas() -> None:
    editor = LayoutEditor([Tile(0.0, 0.0, 0.5, 0.5)])
    assert editor.move(-1, -1) is False
    for _ in range(120):
        editor.move(1, 0)
    assert editor.tiles[0].x == 1.0  # never beyond 1 (R69) …
    assert editor.tiles[0].right > 1  # … but past the edge is allowed (R70 marks it)
    for _ in range(200):
        editor.resize(-1, 0)
    assert editor.tiles[0].width == FINE_STEP


def test_add_remove_select_and_cap() -> None:
    editor = LayoutEditor()
    assert editor.current is None and editor.remove() is False
    for _ in range(MAX_TILES):
        assert editor.add()
    assert editor.add() is False and len(editor.tiles) == MAX_TILES
    editor.select(3)
    editor.remove()
    assert len(editor.tiles) == MAX_TILES - 1 and editor.selected == 3
    editor.select_next(-4)
    assert editor.selected == len(editor.tiles) - 1


def test_uid_alpha_render_mode() -> None:
    editor = LayoutEditor([Tile(0, 0, 1, 1)])
    editor.set_uid("42")
    editor.change_alpha(-3)
    editor.toggle_render_mode()
    assert tiles_to_json(editor.tiles) == [
        {
            "uid": "42",
            "x_axis": 0.0,
            "y_axis": 0.0,
            "width": 1.0,
            "height": 1.0,
            "alpha": 0.7,
            "render_mode": 1,
        }
    ]
    editor.set_uid("")
    assert editor.tiles[0].uid is None


# --- templates --------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [2, 3, 4])
def test_grids_tile_the_frame_without_overlap(columns: int) -> None:
    tiles = templates.grid(columns)
    assert len(tiles) == columns * columns
    assert overlaps(tiles) == []
    assert all(t.right <= 1 + 1e-6 and t.bottom <= 1 + 1e-6 for t in tiles)
    assert abs(sum(t.width * t.height for t in tiles) - 1) < 1e-5


def test_speaker_strip_sizes_and_limits() -> None:
    for strip in range(1, MAX_TILES):
        tiles = templates.speaker_strip(strip)
        assert len(tiles) == strip + 1 and overlaps(tiles) == []
        assert tiles[-1].right == pytest.approx(1.0)
    with pytest.raises(ValueError):
        templates.speaker_strip(MAX_TILES)


def test_picture_in_picture_overlaps_on_purpose() -> None:
    assert overlaps(templates.picture_in_picture()) == [(0, 1)]


# --- preset arrangements ------------------------------------------------------------------


def _boxes(regions: list[presets.PresetRegion]) -> list[tuple[float, float, float, float]]:
    return [(r.x, r.y, r.width, r.height) for r in regions]


def test_floating_first_user_full_others_in_rows_of_four_from_bottom_left() -> None:
    regions = presets.floating(6)
    assert _boxes(regions)[0] == (0, 0, 1, 1)
    assert _boxes(regions)[1] == (0.012, 0.753, 0.235, 0.235)  # bottom left
    assert _boxes(regions)[4] == (0.753, 0.753, 0.235, 0.235)  # fourth in the row
    assert _boxes(regions)[5] == (0.012, 0.506, 0.235, 0.235)  # next row up
    top_row = presets.floating(17)[-4:]
    assert {r.y for r in top_row} == {0.012}
    assert [r.user for r in presets.floating(17)] == list(range(1, 18))


@pytest.mark.parametrize(
    ("users", "side"), [(1, 1), (3, 2), (4, 2), (5, 3), (9, 3), (10, 4), (16, 4)]
)
def test_best_fit_grid_sizes(users: int, side: int) -> None:
    regions = presets.best_fit(users)
    assert len(regions) == users
    assert {r.width for r in regions} == {round(1 / side, 6)}
    assert (regions[-1].x, regions[-1].y) == (
        round(((users - 1) % side) / side, 6),
        round(((users - 1) // side) / side, 6),
    )


def test_best_fit_two_and_seventeen() -> None:
    assert _boxes(presets.best_fit(2)) == [(0, 0, 0.5, 1), (0.5, 0, 0.5, 1)]
    regions = presets.best_fit(17)
    assert _boxes(regions)[0] == (0.1, 0, 0.2, 0.2)
    assert _boxes(regions)[15] == (0.7, 0.6, 0.2, 0.2)
    assert _boxes(regions)[16] == (0.4, 0.8, 0.2, 0.2)  # the middle of the bottom row


@pytest.mark.parametrize(
    ("users", "small"),
    [
        (2, (0.2, 0.25)),
        (5, (0.2, 0.25)),
        (6, (0.142857, 0.166667)),
        (7, (0.142857, 0.166667)),
        (9, (0.111111, 0.125)),
        (12, (0.1, 0.125)),
    ],
)
def test_vertical_small_region_sizes(users: int, small: tuple[float, float]) -> None:
    regions = presets.vertical(users)
    assert regions[0].large and regions[0].user == 1 and regions[0].x == 0
    assert len(regions) == users
    assert {(r.width, r.height) for r in regions[1:]} == {small}
    assert all(r.x + r.width <= 1 + 1e-6 and r.y + r.height <= 1 + 1e-6 for r in regions)


def test_vertical_seventeen_uses_two_columns_of_eight() -> None:
    regions = presets.vertical(17)
    assert regions[0].width == 0.8
    assert [r.x for r in regions[1:9]] == [0.8] * 8
    assert [r.x for r in regions[9:]] == [0.9] * 8
    assert regions[16].y == 0.875


def test_vertical_without_large_user_shows_background_and_everyone_small() -> None:
    regions = presets.vertical(4, has_large_user=False)
    assert regions[0].large and regions[0].user is None and regions[0].label == "Large"
    assert [r.user for r in regions[1:]] == [1, 2, 3, 4]
    assert len(presets.vertical(17, has_large_user=False)) == 17  # large + 16; 17th unseen


@pytest.mark.parametrize("layout", [0, 1, 2])
def test_every_preset_every_count_stays_on_the_frame(layout: int) -> None:
    for users in range(1, 18):
        regions = presets.arrangement(layout, users)
        for r in regions:
            assert 0 <= r.x <= 1 and 0 <= r.y <= 1
            assert r.x + r.width <= 1 + 1e-6 and r.y + r.height <= 1 + 1e-6
    with pytest.raises(ValueError):
        presets.arrangement(layout, 18)


def test_layout_defaults_and_the_tile_cap_come_from_the_declarations() -> None:
    from rec_tui.layout import edit, presets, source
    from rec_tui.spec import catalogue
    from rec_tui.spec.rules.context import TC

    drawn = source.read({})
    assert (drawn.width, drawn.height) == (
        catalogue.field(f"{TC}.width").default,
        catalogue.field(f"{TC}.height").default,
    )
    assert (drawn.width, drawn.height) == (360, 640)  # spec 2.4: portrait by default
    cap = catalogue.field(f"{TC}.layoutConfig").max_items
    assert edit.MAX_TILES == presets.MAX_USERS == cap == 17
    # A frame too wide is drawn as declared and named; an unusable one (0) takes the default.
    drawn = source.read(
        {"clientRequest": {"recordingConfig": {"transcodingConfig": {"width": 2448, "height": 0}}}}
    )
    assert (drawn.width, drawn.height) == (2448, 640)
    assert drawn.out_of_range == ("width over the 1,920 limit",)
    assert source.read({}).out_of_range == ()

"""The list of presets reads again only the files changed since the last listing; its cache
of headers is never trusted when stale or damaged and never holds a secret."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.paths import cache_dir, presets_dir
from rec_tui.store.presets.header_cache import FILE_NAME
from rec_tui.store.secrets import MemoryStore
from tests.support.seed_examples import EXAMPLES

HEADER = 'format = 1\nname = "{name}"\ndescription = "{description}"\nmode = "{mode}"\n'
BODY = '\n[body]\ncname = "room"\nuid = "1"\n'
# Long enough ago that no file system's clock tick can hide a later change.
OLD_NS = 1_700_000_000_000_000_000


def _write(name: str, description: str, mode: str = "mix") -> Path:
    folder = presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    header = HEADER.format(name=name, description=description, mode=mode)
    path.write_text(header + BODY, encoding="utf-8")
    os.utime(path, ns=(OLD_NS, OLD_NS))
    return path


def _listed() -> dict[str, tuple[str, str, str | None]]:
    return {e.name: (e.mode, e.description, e.error) for e in presets.list_presets()}


def _cache_file() -> Path:
    return cache_dir() / FILE_NAME


def _cached() -> dict[str, list[object]]:
    presets_cached: dict[str, list[object]] = json.loads(_cache_file().read_text("utf-8"))[
        "presets"
    ]
    return presets_cached


def test_listing_caches_each_header_and_a_second_listing_uses_it() -> None:
    _write("alpha", "first")
    _write("beta", "second", mode="web")
    assert _listed() == {"alpha": ("mix", "first", None), "beta": ("web", "second", None)}
    assert sorted(_cached()) == ["alpha.toml", "beta.toml"]
    # The cache is what the second listing reads: an entry whose status still matches is
    # believed (here doctored, to show it is the cache that answers).
    document = json.loads(_cache_file().read_text("utf-8"))
    document["presets"]["alpha.toml"][-1] = "from the cache"
    _cache_file().write_text(json.dumps(document), "utf-8")
    assert _listed()["alpha"] == ("mix", "from the cache", None)


def test_a_changed_an_added_and_a_removed_file_are_listed_as_they_are_now() -> None:
    alpha = _write("alpha", "before")
    _write("beta", "second")
    _listed()
    # Same size, same modification time (put back), same inode: only the change time
    # (and the content) tells; the listing must still read it again.
    alpha.write_text(alpha.read_text("utf-8").replace("before", "after!"), "utf-8")
    os.utime(alpha, ns=(OLD_NS, OLD_NS))
    (presets_dir() / "beta.toml").unlink()
    _write("gamma", "new", mode="individual")
    assert _listed() == {
        "alpha": ("mix", "after!", None),
        "gamma": ("individual", "new", None),
    }
    assert sorted(_cached()) == ["alpha.toml", "gamma.toml"]
    assert _cached()["alpha.toml"][-2:] == ["mix", "after!"]


def test_a_file_replaced_by_one_with_an_error_is_listed_with_its_error() -> None:
    path = _write("alpha", "fine")
    _listed()
    path.write_text('format = 1\nmode = "mixed"\n' + BODY, encoding="utf-8")
    os.utime(path, ns=(OLD_NS, OLD_NS))
    mode, _, error = _listed()["alpha"]
    assert mode == "?" and "key 'mode'" in (error or "")
    assert "alpha.toml" not in _cached()


def test_a_file_changed_within_the_last_seconds_is_not_cached() -> None:
    # Its status could stay the same through a further change in the same clock tick.
    _write("settled", "old")
    fresh = _write("fresh", "new")
    os.utime(fresh)
    assert set(_listed()) == {"settled", "fresh"}
    assert sorted(_cached()) == ["settled.toml"]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": 99, "folder": "F", "presets": {}}',
        b'{"format": 1, "folder": "/elsewhere", "presets": {}}',
        b'{"format": 1, "folder": "F", "presets": []}',
        b'{"format": 1, "folder": "F", "presets": {"alpha.toml": [1, 2, 3]}}',
        b'{"format": 1, "folder": "F", "presets": {"alpha.toml": ["1", 2, 3, 4, 5, "mix", ""]}}',
        b'{"format": 1, "folder": "F", "presets": {"alpha.toml": [1, 2, 3, 4, 5, "mixed", ""]}}',
        b'{"format": 1, "folder": "F", "presets": {"alpha.toml": [1, 2, 3, 4, 5, "mix", 7]}}',
        b"[" * 100_000,
    ],
)
def test_a_damaged_cache_is_ignored_and_every_file_read_again(damage: bytes) -> None:
    _write("alpha", "first")
    _write("beta", "second")
    _listed()
    # A good entry next to the damaged one must not be believed either: doctor beta's.
    document = json.loads(_cache_file().read_text("utf-8"))
    beta = document["presets"]["beta.toml"]
    beta[-1] = "doctored"
    text = damage.replace(b'"F"', json.dumps(str(presets_dir())).encode())
    good_beta = b'"presets": {"beta.toml": ' + json.dumps(beta).encode() + b", "
    text = text.replace(b'"presets": {', good_beta)
    _cache_file().write_bytes(text)
    assert _listed() == {"alpha": ("mix", "first", None), "beta": ("mix", "second", None)}
    assert sorted(_cached()) == ["alpha.toml", "beta.toml"]  # and written afresh


def test_a_cache_that_is_not_a_file_or_cannot_be_written_never_stops_the_list() -> None:
    _write("alpha", "first")
    _cache_file().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(_cache_file())  # would block a plain open() for ever
    assert _listed() == {"alpha": ("mix", "first", None)}
    _cache_file().unlink()
    _cache_file().symlink_to("/dev/zero")  # would never end
    assert _listed() == {"alpha": ("mix", "first", None)}
    _cache_file().unlink()
    _cache_file().mkdir()
    assert _listed() == {"alpha": ("mix", "first", None)}
    _cache_file().rmdir()
    _cache_file().parent.rmdir()
    _cache_file().parent.write_text("a file where the cache folder should be", "utf-8")
    assert _listed() == {"alpha": ("mix", "first", None)}


def test_the_cache_holds_only_each_file_status_mode_and_description_never_a_secret() -> None:
    mode, body = EXAMPLES[0][1], EXAMPLES[0][2]
    draft = Draft(mode=mode)
    draft.replace_body(body)
    token = "007eJxTYBBe-secret-token-value"
    draft.set("clientRequest.token", token)
    store = MemoryStore(persistent=True)
    saved = presets.save(draft, "customer", store, description="customer's setup")
    assert saved.path is not None
    os.utime(saved.path, ns=(OLD_NS, OLD_NS))
    assert _listed() == {"customer": (mode, "customer's setup", None)}
    text = _cache_file().read_text("utf-8")
    assert token not in text and "keyring:" not in text and "env:" not in text
    document = json.loads(text)
    assert set(document) == {"format", "folder", "presets"}
    (entry,) = document["presets"].values()
    *status, cached_mode, description = entry
    assert len(status) == 5 and all(isinstance(number, int) for number in status)
    assert (cached_mode, description) == (mode, "customer's setup")


@pytest.mark.parametrize("field", ["st_size", "st_mtime_ns", "st_ctime_ns", "st_ino", "st_dev"])
def test_a_file_whose_status_differs_in_any_one_field_is_read_again(field: str) -> None:
    from types import SimpleNamespace
    from typing import cast

    from rec_tui.store.presets.header_cache import HeaderCache

    path = _write("alpha", "first")
    _listed()
    cache = HeaderCache.for_folder(presets_dir())
    status = path.stat()
    fields = ("st_size", "st_mtime_ns", "st_ctime_ns", "st_ino", "st_dev")
    same = {name: getattr(status, name) for name in fields}
    assert cache.get("alpha.toml", cast(os.stat_result, SimpleNamespace(**same))) == (
        "mix",
        "first",
    )
    changed = {**same, field: same[field] + 1}
    assert cache.get("alpha.toml", cast(os.stat_result, SimpleNamespace(**changed))) is None

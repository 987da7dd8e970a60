"""Statuses, upload states and file lists in words (spec 1.4.3, 1.4.4, 1.4.6)."""

from __future__ import annotations

from rec_tui.agora.status import describe_files, describe_status, describe_uploading


def test_status_numbers_are_named() -> None:
    assert describe_status(5) == "5 (recording in progress)"
    assert describe_status(42) == "42 (not a documented status)"


def test_upload_states_are_explained() -> None:
    assert describe_uploading("backuped").startswith("backuped (some files went to Agora's")
    assert describe_uploading("uploaded") == "uploaded (every file is in your storage)"
    assert describe_uploading(None) == "upload state not given (see the log)"


def test_file_lists_say_what_an_empty_list_means() -> None:
    assert describe_files(None, stopped=False).startswith("no files yet")
    assert describe_files([], stopped=True).startswith("no files: nothing was recorded")
    assert describe_files("sid_cname.m3u8", stopped=False) == "playlist sid_cname.m3u8"
    files = [{"fileName": f"f{n}.ts"} for n in range(5)]
    assert describe_files(files, stopped=True) == "5 files: f0.ts, f1.ts, f2.ts and 2 more"
    assert describe_files([{"filename": "page.mp4"}], stopped=False) == "1 file: page.mp4"

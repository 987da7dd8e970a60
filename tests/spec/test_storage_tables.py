"""The storage vendor and region tables against spec section 5, typed out again here as an
independent check, and the lookups the wizard and the rules use."""

from __future__ import annotations

import pytest

from rec_tui.spec import catalogue, storage

# Spec section 5: vendor → {area: region values}, written out in full.
AREAS: dict[int, dict[str, set[int]]] = {
    0: {"CN": {0, 1, 2}, "NA": {3}, "AP": {4}},
    1: {
        "CN": {15, 16},
        "AP": {8, 10, 11, 14, 19, 20, 24},
        "EU": {4, 5, 6, 7, 21, 25},
        "NA": {0, 1, 2, 3, 13},
        "outside": {12, 18},
        "unclear": {9, 22},
    },
    2: {
        "CN": {0, 1, 2, 3, 4, 5, 6, 20, 21, 22, 23, 24, 25},
        "AP": {7, 10, 12, 13, 14, 15, 19},
        "EU": {16, 17},
        "NA": {8, 9},
        "unclear": {11, 18, 26, 27},
    },
    3: {"CN": set(range(9)), "AP": set(range(9, 15)), "NA": {15, 16, 17}, "EU": {18, 19}},
    4: {"CN": {0, 1, 2, 3, 4, 6, 7}, "AP": {5, 9}, "unclear": {8}},
    7: {"CN": set(range(6)), "AP": {6, 7, 8}, "NA": {12}, "outside": {9, 10, 11, 13, 14, 15}},
    8: {"CN": {0, 1, 2, 3, 6, 7}, "AP": {4, 5}},
}


@pytest.mark.parametrize("number", sorted(AREAS))
def test_every_region_has_the_area_the_spec_lists(number: int) -> None:
    table = storage.regions(number)
    actual: dict[str, set[int]] = {}
    for region in table:
        actual.setdefault(region.area, set()).add(region.value)
    assert actual == AREAS[number]
    assert len({region.value for region in table}) == len(table)


def test_vendor_list_and_flags() -> None:
    assert [v.number for v in storage.VENDORS] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 11]
    assert storage.CURRENT_VENDORS == (1, 2, 3, 5, 6, 7, 8, 11)
    assert storage.HISTORICAL_VENDORS == (0, 4)
    assert [v.number for v in storage.VENDORS if v.newer] == [11]
    assert [v.number for v in storage.VENDORS if v.zero_region_only] == [5, 6, 11]
    for number in (5, 6, 11):
        assert [r.value for r in storage.regions(number)] == [0]


def test_labels_are_the_spec_labels_and_do_not_decide_the_area() -> None:
    # Tencent writes mainland regions as AP_…, Kingsoft writes Singapore as NA_….
    assert storage.region(3, 0) == storage.Region(0, "AP_Beijing_1", "CN")
    assert storage.region(4, 9) == storage.Region(9, "NA_Singapore_1", "AP")
    assert storage.region(2, 7) == storage.Region(7, "CN_Hongkong", "AP")
    assert storage.region(0, 4) == storage.Region(4, "Southeast Asia", "AP")
    assert storage.region(1, 17) is None and storage.region(1, 23) is None
    baidu_beijing = storage.region(8, 0)
    assert baidu_beijing is not None and baidu_beijing.historical
    assert not any(r.historical for r in storage.regions(1))


def test_lookups_by_number_and_name() -> None:
    s3 = storage.vendor_by_name("amazon s3")
    assert s3 is not None and s3.number == 1
    assert storage.vendor(9) is None and storage.vendor_by_name("Dropbox") is None
    assert storage.regions(9) == ()
    found = storage.region_by_name(1, "eu_central_1")
    assert found is not None and found.value == 7
    assert storage.region_by_name(1, "Atlantis") is None
    assert storage.area_of(2, 3) == "CN"
    assert storage.area_of(2, 99) is None and storage.area_of(9, 0) is None


def test_vendor_field_choices_come_from_the_vendor_table() -> None:
    declared = catalogue.field("clientRequest.storageConfig.vendor")
    assert declared.choice_values == tuple(v.number for v in storage.VENDORS)
    assert declared.label_for(0) == "Qiniu Cloud (Kodo) (historical)"
    assert declared.label_for(11) == "S3-compatible storage (self-hosted)"

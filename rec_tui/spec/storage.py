"""Storage vendors and their region tables (spec section 5), the one source for both.

The storage rules, the ``vendor`` field's choices, the wizard's vendor and region pickers and
the help all read these tables. Each region carries its *area* as the spec lists it (one of
the four acquire ``region`` values, or "outside"/"unclear"), for the region-affinity rule
R31; areas are never derived from the labels, which mislead (Tencent writes its mainland
regions as ``AP_…``, Kingsoft writes Singapore as ``NA_…``).
"""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.record import Record
from rec_tui.spec import fields_session

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Literal, TypeAlias

# CN / AP / EU / NA are the acquire ``region`` values; "outside" means in none of them (R31
# warns whenever acquire ``region`` is set), "unclear" means R31 skips the value.
Area: TypeAlias = 'Literal["CN", "AP", "EU", "NA", "outside", "unclear"]'
# The areas acquire's region names (declared with session.acquire.region).
# The label of a vendor the current API reference no longer lists.
HISTORICAL_LABEL: Final = N_("{name} (historical)")
ACQUIRE_AREAS: Final = tuple(str(area.value) for area in fields_session.ACQUIRE_AREAS)


class Region(Record, frozen=True):
    value: int
    label: str
    area: Area
    historical: bool = False


class Vendor(Record, frozen=True):
    """One storage vendor.

    ``zero_region_only`` vendors (Azure, Google Cloud, S3-compatible) take region 0 and no
    other value (R22); their one-entry table has area "unclear" because the location is
    wherever the bucket is.
    """

    number: int
    name: str
    regions: tuple[Region, ...]
    historical: bool = False
    newer: bool = False
    zero_region_only: bool = False

    @property
    def label(self) -> str:
        if self.historical:
            return HISTORICAL_LABEL.format(name=self.name)
        return self.name


def _values(spec_list: str) -> list[int]:
    """``"0–3, 13"`` → [0, 1, 2, 3, 13], the way the spec writes area lists."""
    values: list[int] = []
    for part in spec_list.split(","):
        low, _, high = part.strip().partition("–")
        values.extend(range(int(low), int(high or low) + 1))
    return values


def _table(labels: str, historical: tuple[int, ...] = (), **areas: str) -> tuple[Region, ...]:
    """A region table from the spec's own wording: ``"0 US_EAST_1, 1 US_EAST_2, …"`` plus
    the area lists (``CN="15, 16"``, ``outside="12, 18"`` …)."""
    area_of_value: dict[int, Area] = {}
    for area, spec_list in areas.items():
        for value in _values(spec_list):
            if value in area_of_value:
                raise ValueError(f"region {value} given two areas")
            area_of_value[value] = area  # type: ignore[assignment]
    regions = []
    for entry in labels.split(","):
        number, _, label = entry.strip().partition(" ")
        value = int(number)
        regions.append(Region(value, label, area_of_value[value], value in historical))
    if len(area_of_value) != len(regions):
        raise ValueError("an area is listed for a region that is not in the table")
    return tuple(regions)


_ZERO_ONLY = (Region(0, N_("Region 0 (the only value)"), "unclear"),)

VENDORS: Final[tuple[Vendor, ...]] = (
    Vendor(
        0,
        N_("Qiniu Cloud (Kodo)"),
        _table(
            "0 East China, 1 North China, 2 South China, 3 North America, 4 Southeast Asia",
            CN="0–2",
            NA="3",
            AP="4",
        ),
        historical=True,
    ),
    Vendor(
        1,
        N_("Amazon S3"),
        _table(
            "0 US_EAST_1, 1 US_EAST_2, 2 US_WEST_1, 3 US_WEST_2, 4 EU_WEST_1, 5 EU_WEST_2, "
            "6 EU_WEST_3, 7 EU_CENTRAL_1, 8 AP_SOUTHEAST_1, 9 AP_SOUTHEAST_2, "
            "10 AP_NORTHEAST_1, 11 AP_NORTHEAST_2, 12 SA_EAST_1, 13 CA_CENTRAL_1, "
            "14 AP_SOUTH_1, 15 CN_NORTH_1, 16 CN_NORTHWEST_1, 18 AF_SOUTH_1, 19 AP_EAST_1, "
            "20 AP_NORTHEAST_3, 21 EU_NORTH_1, 22 ME_SOUTH_1, 24 AP_SOUTHEAST_3, 25 EU_SOUTH_1",
            CN="15, 16",
            AP="8, 10, 11, 14, 19, 20, 24",
            EU="4–7, 21, 25",
            NA="0–3, 13",
            outside="12, 18",
            unclear="9, 22",
        ),
    ),
    Vendor(
        2,
        N_("Alibaba Cloud OSS"),
        _table(
            "0 CN_Hangzhou, 1 CN_Shanghai, 2 CN_Qingdao, 3 CN_Beijing, 4 CN_Zhangjiakou, "
            "5 CN_Huhehaote, 6 CN_Shenzhen, 7 CN_Hongkong, 8 US_West_1, 9 US_East_1, "
            "10 AP_Southeast_1, 11 AP_Southeast_2, 12 AP_Southeast_3, 13 AP_Southeast_5, "
            "14 AP_Northeast_1, 15 AP_South_1, 16 EU_Central_1, 17 EU_West_1, 18 EU_East_1, "
            "19 AP_Southeast_6, 20 CN_Heyuan, 21 CN_Guangzhou, 22 CN_Chengdu, 23 CN_Nanjing, "
            "24 CN_Fuzhou, 25 CN_Wulanchabu, 26 CN_Northeast_2, 27 CN_Southeast_7",
            CN="0–6, 20–25",
            AP="7, 10, 12–15, 19",
            EU="16, 17",
            NA="8, 9",
            unclear="11, 18, 26, 27",
        ),
    ),
    Vendor(
        3,
        N_("Tencent Cloud COS"),
        _table(
            "0 AP_Beijing_1, 1 AP_Beijing, 2 AP_Shanghai, 3 AP_Guangzhou, 4 AP_Chengdu, "
            "5 AP_Chongqing, 6 AP_Shenzhen_FSI, 7 AP_Shanghai_FSI, 8 AP_Beijing_FSI, "
            "9 AP_Hongkong, 10 AP_Singapore, 11 AP_Mumbai, 12 AP_Seoul, 13 AP_Bangkok, "
            "14 AP_Tokyo, 15 NA_Siliconvalley, 16 NA_Ashburn, 17 NA_Toronto, 18 EU_Frankfurt, "
            "19 EU_Moscow",
            CN="0–8",
            AP="9–14",
            NA="15–17",
            EU="18, 19",
        ),
    ),
    Vendor(
        4,
        N_("Kingsoft Cloud (KS3)"),
        _table(
            "0 CN_Hangzhou, 1 CN_Shanghai, 2 CN_Qingdao, 3 CN_Beijing, 4 CN_Guangzhou, "
            "5 CN_Hongkong, 6 JR_Beijing, 7 JR_Shanghai, 8 NA_Russia_1, 9 NA_Singapore_1",
            CN="0–4, 6, 7",
            AP="5, 9",
            unclear="8",
        ),
        historical=True,
    ),
    Vendor(5, N_("Microsoft Azure"), _ZERO_ONLY, zero_region_only=True),
    Vendor(6, N_("Google Cloud"), _ZERO_ONLY, zero_region_only=True),
    Vendor(
        7,
        N_("Huawei Cloud OBS"),
        _table(
            "0 CN_North_1, 1 CN_North_4, 2 CN_East_2, 3 CN_East_3, 4 CN_South_1, "
            "5 CN_Southwest_2, 6 AP_Southeast_1, 7 AP_Southeast_2, 8 AP_Southeast_3, "
            "9 AF_South_1, 10 SA_Argentina_1, 11 SA_Peru_1, 12 NA_Mexico_1, 13 SA_Brazil_1, "
            "14 LA_South_2, 15 SA_Chile_1",
            CN="0–5",
            AP="6–8",
            NA="12",
            outside="9–11, 13–15",
        ),
    ),
    Vendor(
        8,
        N_("Baidu AI Cloud (BOS)"),
        _table(
            "0 Beijing, 1 Baoding, 2 Suzhou, 3 Guangzhou, 4 Hongkong, 5 Singapore, 6 Wuhan, "
            "7 Shanghai",
            historical=(0,),
            CN="0–3, 6, 7",
            AP="4, 5",
        ),
    ),
    Vendor(
        11, N_("S3-compatible storage (self-hosted)"), _ZERO_ONLY, newer=True, zero_region_only=True
    ),
)

# Vendor numbers the storage rules single out (spec 3.2, R26–R29).
AMAZON_S3: Final = 1
ALIBABA_CLOUD: Final = 2
TENCENT_CLOUD: Final = 3
S3_COMPATIBLE: Final = 11

AREA_NAMES: Final[dict[Area, str]] = {
    "CN": N_("mainland China (CN)"),
    "AP": N_("Asia outside mainland China (AP)"),
    "EU": N_("Europe (EU)"),
    "NA": N_("North America (NA)"),
    "outside": N_("none of the four acquire areas"),
    "unclear": N_("an unconfirmed area"),
}

_BY_NUMBER: Final[dict[int, Vendor]] = {v.number: v for v in VENDORS}
_BY_NAME: Final[dict[str, Vendor]] = {v.name.casefold(): v for v in VENDORS}

# Vendors the current API reference lists; the others (0, 4) are historical (R20 warns).
CURRENT_VENDORS: Final[tuple[int, ...]] = tuple(v.number for v in VENDORS if not v.historical)
HISTORICAL_VENDORS: Final[tuple[int, ...]] = tuple(v.number for v in VENDORS if v.historical)


def vendor(number: int) -> Vendor | None:
    """The vendor with this number, or None for an undocumented value (9, 10, 12 …)."""
    return _BY_NUMBER.get(number)


def vendor_by_name(name: str) -> Vendor | None:
    """The vendor whose name is ``name`` (letter case ignored)."""
    return _BY_NAME.get(name.strip().casefold())


def regions(vendor_: int | Vendor) -> tuple[Region, ...]:
    """The region table of a vendor (empty for an undocumented vendor number)."""
    found = vendor(vendor_) if isinstance(vendor_, int) else vendor_
    return found.regions if found is not None else ()


def region(vendor_: int | Vendor, value: int) -> Region | None:
    for entry in regions(vendor_):
        if entry.value == value:
            return entry
    return None


def region_by_name(vendor_: int | Vendor, label: str) -> Region | None:
    """The region of a vendor's table with this label (letter case ignored)."""
    wanted = label.strip().casefold()
    for entry in regions(vendor_):
        if entry.label.casefold() == wanted:
            return entry
    return None


def area_of(vendor_: int | Vendor, value: int) -> Area | None:
    """The area of a vendor's region value; None when the pair is not in the tables."""
    found = region(vendor_, value)
    return found.area if found is not None else None

"""Field declarations of the session: what goes into the URL and the acquire call (spec 1.4.1).

These are not keys of the ``start`` body. The Draft addresses them as ``session.*`` paths
(``session.appId``, ``session.acquire.region``), and they are declared here like the body's
fields so that forms, help and checks read one declaration: the acquire options' ranges and
choices are judged by the generic check under R118 ``acquire.fields``. The catalogue keeps
them apart from the body's (:data:`rec_tui.spec.catalogue.SESSION_FIELDS`), so the body's
type and unknown-key walk and the schema export never see them.
"""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

SESSION: Final = "session"
ACQUIRE: Final = f"{SESSION}.acquire"
# acquire's resourceExpiredHour when the acquire body leaves it out (spec 1.4.1).
DEFAULT_RESOURCE_EXPIRED_HOUR: Final = 72
# The areas acquire's region names; storage regions are grouped by the same areas (R31).
ACQUIRE_AREAS: Final = (
    Choice("CN", N_("Mainland China")),
    Choice("AP", N_("Asia Pacific (outside mainland China)")),
    Choice("EU", N_("Europe")),
    Choice("NA", N_("North America")),
)

FIELDS: tuple[Field, ...] = (
    Field(
        f"{SESSION}.appId",
        "string",
        N_("App ID"),
        N_(
            "The App ID of your Agora project (Agora Console → Project Management). It goes into "
            "the request URL, /v1/apps/<App ID>/cloud_recording/…, not into the body, and must be "
            "the App ID of the project the channel belongs to."
        ),
        example="d0f3b9ff0b9f4a35a9e9d6e8b8b1c0a2",
    ),
    Field(
        f"{SESSION}.endpoint",
        "string",
        N_("Endpoint"),
        N_(
            'Where requests go: "sandbox" (built in, no account), "global" (api.agora.io '
            'first), "global-cn" (api.sd-rtn.com first), "region:<host prefix>" or a base URL. '
            "Opening or importing a document never changes it."
        ),
        default="sandbox",
        headless="chosen in the Send panel (F5), which edits session.endpoint",
        example="global",
    ),
    Field(
        f"{SESSION}.snapshotIntent",
        "string",
        N_("Snapshots"),
        N_(
            "What the Snapshots step chose: screenshots only, or screenshots plus recording. "
            "R88/R89 warn when an opened body contradicts it."
        ),
        choices=(
            Choice("only", N_("Snapshots only")),
            Choice("plus_recording", N_("Snapshots plus recording")),
        ),
        rules=("snap.only.no_file_config", "snap.plus_rec.file_config"),
        headless="set by the Snapshots step's off / only / plus-recording choice",
    ),
    Field(
        ACQUIRE,
        "object",
        N_("Acquire options"),
        N_(
            "The clientRequest options of the acquire call that precedes start. cname and uid "
            "are taken from the start body."
        ),
        rules=("acquire.fields",),
    ),
    Field(
        f"{ACQUIRE}.resourceExpiredHour",
        "int",
        N_("Resource lifetime (h)"),
        N_(
            "How many hours the resource ID (and so query, update and stop) stays usable after "
            "acquire, 1 to 720. The recording itself is not stopped by it."
        ),
        default=DEFAULT_RESOURCE_EXPIRED_HOUR,
        headless="edited by the Send panel (F5) next to the endpoint, not by a step form",
        minimum=1,
        maximum=720,
        value_rule="acquire.fields",
        rules=("acquire.fields", "web.maxRecordingHour.vs_expiry", "lifecycle.window"),
        example=24,
    ),
    Field(
        f"{ACQUIRE}.region",
        "string",
        N_("Acquire region"),
        N_(
            "The area whose recording servers are used: CN, AP, EU or NA. Leave it out for the "
            "nearest area. Storage should be in the same area (R31)."
        ),
        choices=ACQUIRE_AREAS,
        value_rule="acquire.fields",
        rules=("acquire.fields", "storage.region.affinity"),
        headless="edited by the Send panel (F5) next to the endpoint, not by a step form",
        example="NA",
    ),
    Field(
        f"{ACQUIRE}.scene",
        "int",
        N_("Acquire scene"),
        N_(
            "0 for real-time recording (individual and mix), 1 for web page recording, 2 for the "
            "legacy postponed transcoding and mixing. rec-tui sets it from the mode."
        ),
        default=0,
        choices=(
            Choice(0, N_("Real-time recording")),
            Choice(1, N_("Web page recording")),
            Choice(2, N_("Postponed transcoding or mixing (legacy)")),
        ),
        value_rule="acquire.fields",
        rules=("acquire.fields", "session.scene.match"),
        headless="derived from the recording mode when acquiring; shown in the Send panel",
    ),
    Field(
        f"{ACQUIRE}.startParameter",
        "object",
        N_("Start parameters at acquire"),
        N_(
            "Newer API: the start clientRequest sent already with acquire. Values that differ "
            "from the start body are an error (R8)."
        ),
        rules=("session.startParameter.match",),
        headless="taken from an imported acquire call; the start body is edited instead",
    ),
)

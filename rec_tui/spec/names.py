"""Literal values of the API that several layers spell: one place for each.

Rules, forms, the schema export, the sandbox and the update checks all read them from
here, so a value is never typed twice (and never drifts in one copy).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final


# A subscription list of only this entry subscribes to every user's stream (spec R49/R50).
ALL_STREAMS: Final = "#allstream#"

# The extension services web mode knows (spec 2.8).
WEB_RECORDER: Final = "web_recorder_service"
RTMP_PUBLISH: Final = "rtmp_publish_service"
WEB_MODE_SERVICES: Final = frozenset({WEB_RECORDER, RTMP_PUBLISH})

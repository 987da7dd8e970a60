"""The ``serverResponse`` shapes the sandbox answers with (spec 1.4.3 query, 1.4.6 stop)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from rec_tui.spec.modes import Mode
from rec_tui.spec.names import ALL_STREAMS, RTMP_PUBLISH, WEB_RECORDER
from rec_tui.spec.rules.context import CR, FILES, REC, SNAP, Context

if TYPE_CHECKING:
    from rec_tui.sandbox.scenarios import Exit

# What query reports: the recording walks from "initialised" to "recording in progress"
# (spec 1.4.3 status values), one step per query or per STEP_SECONDS since start, whichever
# is further — so a client polling fast and one waiting the documented 5 s both see it begin.
STATUS_WALK: Final = (1, 2, 3, 4, 5)
STEP_SECONDS: Final = 1.0
NOT_JOINED_STATUS: Final = 2
TRACK_TYPES: Final = {0: "audio", 1: "video", 2: "audio_and_video"}
# Users the sandbox pretends are in the channel when the body subscribes to everyone.
# They are also the clients that kick out a recorder using their uid (see scenarios.py).
PRETEND_UIDS: Final = ("1001", "1002")
# The characters web recording replaces with "-" in file names (D:files, web page recording).
_FILE_NAME_SPECIALS: Final = frozenset("!@#$%^&*()+_.=[]{}~|,;:?<>")


@dataclass(slots=True)
class Recording:
    """One running (or stopped) recording in the sandbox."""

    sid: str
    resource_id: str
    app_id: str
    mode: Mode
    cname: str
    uid: str
    body: dict[str, Any]
    started_at: float
    queries: int = 0
    onhold: bool = False
    stopped_at: float | None = None
    layout: dict[str, Any] = field(default_factory=dict)
    rtmp_urls: list[str] = field(default_factory=list)
    # How the recorder ends by itself (a scenario: no valid token, kicked, nobody publishing).
    exit: Exit | None = None

    @property
    def stopped(self) -> bool:
        return self.stopped_at is not None

    def exited(self, now: float) -> bool:
        """Whether the recorder has ended by itself by ``now``."""
        return self.exit is not None and now >= self.exit.at

    def ended_at(self, now: float) -> float | None:
        """When the recording stopped or ended by itself (None: still running at ``now``)."""
        if self.stopped_at is not None:
            return self.stopped_at
        return self.exit.at if self.exit is not None and self.exited(now) else None

    @property
    def nobody_publishes(self) -> bool:
        return self.exit is not None and self.exit.reason == "idle"

    @property
    def slice_start_ms(self) -> int:
        return int(self.started_at * 1000)

    def next_status(self, now: float) -> int:
        step = max(self.queries, int((now - self.started_at) / STEP_SECONDS))
        self.queries += 1
        # A recorder that cannot join the channel never gets past "components starting".
        last = NOT_JOINED_STATUS if self.exit is not None and self.exit.reason == "left" else 5
        return min(STATUS_WALK[min(step, len(STATUS_WALK) - 1)], last)

    # --- what the body asked for ------------------------------------------------------

    def _context(self) -> Context:
        return Context(self.mode, self.body)

    def snapshots_only(self) -> bool:
        ctx = self._context()
        return self.mode == "individual" and ctx.has(SNAP) and not ctx.has(FILES)

    def _recorded_uids(self, kind: str) -> list[str]:
        """The uids whose ``kind`` ("Audio" or "Video") is recorded (spec 2.3 lists, R53)."""
        ctx = self._context()
        other = "Video" if kind == "Audio" else "Audio"
        listed = ctx.list(f"{REC}.subscribe{kind}Uids")
        if listed is not None and ALL_STREAMS not in listed:
            return list(dict.fromkeys(u for u in listed if isinstance(u, str)))
        if (
            listed is None
            and any(
                ctx.list(f"{REC}.{key}") is not None
                for key in (f"subscribe{other}Uids", f"unSubscribe{other}Uids")
            )
            and ctx.list(f"{REC}.unSubscribe{kind}Uids") is None
        ):
            return []  # only the other media has a list: none of this one is recorded
        left_out = ctx.list(f"{REC}.unSubscribe{kind}Uids") or []
        return [uid for uid in PRETEND_UIDS if uid not in left_out]

    def _track_type(self) -> str:
        stream_types = self._context().stream_types()
        return TRACK_TYPES[2 if stream_types is None else stream_types]

    def _file_types(self) -> list[str]:
        types = self._context().list(f"{FILES}.avFileType") or ["hls"]
        return [t for t in types if isinstance(t, str)]

    # --- file lists ----------------------------------------------------------------------

    def _file_entry(self, name: str, uid: str, mixed: bool, track: str) -> dict[str, Any]:
        return {
            "fileName": name,
            "trackType": track,
            "uid": uid,
            "mixedAllUser": mixed,
            "isPlayable": True,
            "sliceStartTime": self.slice_start_ms,
        }

    def file_list(self) -> tuple[str, Any]:
        """``(fileListMode, fileList)`` for an individual or mix recording."""
        base = f"{self.sid}_{self.cname}"
        if self.nobody_publishes:
            return "json", []
        if self.mode == "mix":
            if "mp4" not in self._file_types():
                return "string", f"{base}.m3u8"
            track = self._track_type()
            return "json", [
                self._file_entry(f"{base}.m3u8", "0", True, track),
                self._file_entry(f"{base}_0.mp4", "0", True, track),
            ]
        return "json", self._individual_files(base)

    def _individual_files(self, base: str) -> list[dict[str, Any]]:
        """One audio and one video index per uid (D:files), plus the merged ``av`` index
        that only ``streamMode "standard"`` writes (D:stream-mode)."""
        stream_types = self._context().stream_types()
        kinds = {0: ("audio",), 1: ("video",)}.get(
            2 if stream_types is None else stream_types, ("audio", "video")
        )
        files: dict[str, list[str]] = {}
        for kind in kinds:
            for uid in self._recorded_uids(kind.capitalize()):
                files.setdefault(uid, []).append(kind)
        standard = self._context().raw(f"{REC}.streamMode") == "standard"
        entries = []
        for uid, recorded in files.items():
            name = f"{base}__uid_s_{uid}__uid_e_"
            entries += [self._file_entry(f"{name}{k}.m3u8", uid, False, k) for k in recorded]
            if standard and len(recorded) == 2:
                entries.append(self._file_entry(f"{name}av.m3u8", uid, False, "audio_and_video"))
        return entries

    def _web_files(self) -> list[dict[str, Any]]:
        """The web recorder's files as avFileType asks (D:files web naming)."""
        base = f"{self.sid}_{web_file_cname(self.cname)}"
        names = [f"{base}.m3u8"]
        if "mp4" in self._file_types():
            names.append(f"{base}_0.mp4")
        return [{"filename": name, "sliceStartTime": self.slice_start_ms} for name in names]

    def _web_recorder(self, state: str) -> dict[str, Any]:
        return {
            "serviceName": WEB_RECORDER,
            "payload": {"fileList": self._web_files(), "onhold": self.onhold, "state": state},
        }

    def _rtmp_publisher(self, state: str, status: str) -> dict[str, Any]:
        return {
            "serviceName": RTMP_PUBLISH,
            "payload": {
                "state": state,
                "outputs": [{"rtmpUrl": url, "status": status} for url in self.rtmp_urls],
            },
        }

    # --- whole answers -------------------------------------------------------------------

    def query_response(self, now: float) -> dict[str, Any]:
        status = self.next_status(now)
        if self.mode == "web":
            services = [self._web_recorder("inProgress" if status >= 4 else "init")]
            if self.rtmp_urls:
                publishing = "onhold" if self.onhold else "publishing"
                services.append(
                    self._rtmp_publisher("inProgress", publishing if status >= 4 else "connecting")
                )
            return {"status": status, "extensionServiceState": services}
        if self.snapshots_only():
            return {"status": status, "sliceStartTime": self.slice_start_ms}
        list_mode, files = self.file_list()
        return {
            "status": status,
            "fileListMode": list_mode,
            "fileList": files,
            "sliceStartTime": self.slice_start_ms,
        }

    def stop_response(self) -> dict[str, Any]:
        if self.mode == "web":
            services = [
                {"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}},
                self._web_recorder("exit"),
            ]
            # D:stop lists upload_service and web_recorder_service only (no CDN push entry).
            return {"extensionServiceState": services}
        if self.snapshots_only():
            return {"uploadingStatus": "uploaded"}
        list_mode, files = self.file_list()
        return {"uploadingStatus": "uploaded", "fileListMode": list_mode, "fileList": files}


def web_file_cname(cname: str) -> str:
    """cname as web recording file names write it: special characters become "-" (D:files)."""
    return "".join("-" if char in _FILE_NAME_SPECIALS else char for char in cname)


def _service_params(mode: Mode, body: dict[str, Any], name: str) -> list[Context]:
    """The ``serviceParam`` of each extension service ``name`` of a web ``start`` body."""
    if mode != "web":
        return []
    services = Context(mode, body).list(f"{CR}.extensionServiceConfig.extensionServices") or []
    return [
        Context(mode, service)
        for service in services
        if isinstance(service, dict) and service.get("serviceName") == name
    ]


def rtmp_urls_of(mode: Mode, body: dict[str, Any]) -> list[str]:
    """The CDN push addresses of a web ``start`` body (rtmp_publish_service outputs)."""
    urls: list[str] = []
    for service in _service_params(mode, body, RTMP_PUBLISH):
        outputs = service.list("serviceParam.outputs") or []
        urls += [o["rtmpUrl"] for o in outputs if isinstance(o, dict) and "rtmpUrl" in o]
    return urls


def onhold_of(mode: Mode, body: dict[str, Any]) -> bool:
    """Whether a web ``start`` body opens the page paused (serviceParam.onhold true)."""
    return any(
        service.raw("serviceParam.onhold") is True
        for service in _service_params(mode, body, WEB_RECORDER)
    )

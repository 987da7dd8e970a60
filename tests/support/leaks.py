"""A request with a distinctive value in every secret field, for the leak tests."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from rec_tui.request.draft import Draft
from tests.support.seed_examples import EXAMPLES


def draft_with_secrets(values: Iterable[tuple[str, str]]) -> Draft:
    """The first seed example with each ``(path, value)`` set and decryption on."""
    mode, body = EXAMPLES[0][1], copy.deepcopy(EXAMPLES[0][2])
    draft = Draft(mode=mode)
    draft.replace_body(body)
    for path, value in values:
        draft.set(path, value)
    draft.set("clientRequest.recordingConfig.decryptionMode", 7)
    draft.set("session.appId", "0123456789abcdef0123456789abcdef")
    return draft

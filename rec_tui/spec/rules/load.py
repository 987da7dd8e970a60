"""The list of rule modules; importing one registers its rules."""

import importlib

RULE_MODULES = (
    "rec_tui.spec.rules.generic",
    "rec_tui.spec.rules.values",
    "rec_tui.spec.rules.envelope",
    "rec_tui.spec.rules.token",
    "rec_tui.spec.rules.storage",
    "rec_tui.spec.rules.recording",
    "rec_tui.spec.rules.subscription",
    "rec_tui.spec.rules.session",
    "rec_tui.spec.rules.transcoding",
    "rec_tui.spec.rules.files",
    "rec_tui.spec.rules.web",
    "rec_tui.spec.rules.legacy",
    "rec_tui.spec.rules.calls",
)


def import_rule_modules() -> None:
    for name in RULE_MODULES:
        importlib.import_module(name)

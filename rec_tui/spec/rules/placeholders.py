"""A template placeholder left where a real value belongs: R132 (not a rule of the spec).

Customers paste bodies built from the docs' examples, which fill the token, the bucket and
the storage keys with ``"<token if any>"`` and ``"xxxxx"``. Such a body passes every rule of
the spec (a string is a string), then fails at Agora with 110 or a storage error minutes
into the session. The rule warns, never refuses: a bucket may really be called
``"example"``. It judges only the fields whose declaration names it (``Field.rules``), so
adding a field to it is one line in that field's declaration.

A secret field's value is never repeated: the message says it looks like a placeholder.
"""

from __future__ import annotations

import re
from functools import cache

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.context import Context
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from rec_tui.spec.field import Field

NAME: Final = "body.placeholder"

# Obvious template text, matched against the whole value (spaces around it ignored):
#   <token if any>, <your-bucket>, {{token}}      a value in template brackets
#   YOUR_TOKEN, your-bucket, YourAccessKey        "your" and then the thing to put there
#   xxx, xxxxxxf, XXXX                            the docs' crossed-out values
#   placeholder, changeme, TODO, ...              words that say "fill me in"
# Compiled on first use (through re's cache), by a body with one of these fields set.
_PLACEHOLDER: Final = (
    r"<[^<>]+>|\{\{[^{}]+\}\}"
    r"|(?i:your)[\s_-].*|YOUR[A-Z_].*|Your[A-Z].*"
    r"|(?i:x{3,}.*)"
    r"|(?i:placeholder|change[\s_-]?me|replace[\s_-]?me|fill[\s_-]?me[\s_-]?in|todo|tbd|fixme"
    r"|dummy|\.\.\.|…)"
)
_NOT_IN_NAME: Final = r"[\s_-]"


def looks_like_placeholder(value: str, key: str) -> bool:
    """Whether ``value`` is obvious template text, or the field's own name (``"token"`` in
    ``token``, ``"secret_key"`` in ``secretKey``), rather than a real value."""
    text = value.strip()
    if re.fullmatch(_PLACEHOLDER, text) is not None:
        return True
    return re.sub(_NOT_IN_NAME, "", text).casefold() == key.casefold()


@cache  # the declarations do not change; the rule runs on every keystroke
def _judged_fields() -> tuple[Field, ...]:
    return tuple(f for f in catalogue.FIELDS if NAME in f.rules)


# What to put there, for each field that names the rule (by path).
_WHAT_TO_PUT: Final = {
    "clientRequest.token": N_(
        "Put the RTC token built for this cname and uid there (`rec-tui token build`), or "
        "remove the field if the project has no App Certificate."
    ),
    "clientRequest.storageConfig.bucket": N_(
        "Put the name of the customer's bucket there, as the storage console shows it."
    ),
    "clientRequest.storageConfig.accessKey": N_(
        "Put the access key of a storage account that may write to the bucket there."
    ),
    "clientRequest.storageConfig.secretKey": N_(
        "Put the secret key that goes with the access key there."
    ),
    "clientRequest.storageConfig.stsToken": N_(
        "Put the temporary STS token issued with the access and secret keys there, or remove "
        "the field."
    ),
    "clientRequest.storageConfig.extensionParams.endpoint": N_(
        "Put the host name of the S3-compatible storage service there."
    ),
}


@rule("R132", NAME, "W", N_("a template placeholder where a real value belongs"))
def placeholder(ctx: Context, out: Findings) -> None:
    for declared in _judged_fields():
        path = declared.path
        value = ctx.raw(path)
        if not isinstance(value, str) or not looks_like_placeholder(value, declared.key):
            continue
        if declared.secret:
            message = _(
                "{field} looks like a template placeholder, not a real value (the value is "
                "secret and not shown)."
            ).format(field=declared.key)
        else:
            message = _(
                "{field} looks like a template placeholder, not a real value: {value}."
            ).format(field=declared.key, value=shown(value))
        out.warning(path, message, _(_WHAT_TO_PUT[path]))

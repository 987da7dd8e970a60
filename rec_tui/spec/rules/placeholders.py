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

# Obvious template text, judged on the whole value (spaces around it ignored):
#   <token if any>, <your-bucket>, {{token}}      a value in template brackets
#   YOUR_TOKEN, your-bucket, YourAccessKey        "your" and then the thing to put there
#   xxx, xxxxxxf, XXXX                            the docs' crossed-out values
#   placeholder, changeme, TODO, ...              words that say "fill me in"
# With string operations rather than a pattern: compiling one would cost `rec-tui validate`
# about 0.3 ms, for every body that has a token or a bucket.
_WORDS: Final = frozenset(
    (
        "placeholder",
        "changeme",
        "replaceme",
        "fillmein",
        "todo",
        "tbd",
        "fixme",
        "dummy",
        "...",
        "…",
    )
)
_SEPARATORS: Final = " \t_-"
_WITHOUT_SEPARATORS: Final = str.maketrans("", "", _SEPARATORS)


def looks_like_placeholder(value: str, key: str) -> bool:
    """Whether ``value`` is obvious template text, or the field's own name (``"token"`` in
    ``token``, ``"secret_key"`` in ``secretKey``), rather than a real value."""
    text = value.strip()
    inside = text[1:-1]
    if text[:1] == "<" and text[-1:] == ">" and inside and "<" not in inside and ">" not in inside:
        return True
    if len(text) > 4 and text[:2] == "{{" and text[-2:] == "}}":
        return True
    folded = text.casefold()
    if folded[:3] == "xxx":
        return True
    # "your" must stand apart from what follows ("your_bucket", "YourBucket"): "yourself".
    after = text[4:5]
    if folded[:4] == "your" and after and (after in _SEPARATORS or after.isupper()):
        return True
    bare = folded.translate(_WITHOUT_SEPARATORS)
    return bare in _WORDS or bare == key.casefold()


@cache  # the declarations do not change; the rule runs on every keystroke
def _judged_fields() -> tuple[Field, ...]:
    return tuple(f for f in catalogue.FIELDS if NAME in f.rules)


# What to put there, for each field that names the rule (by path).
_WHAT_TO_PUT: Final = {
    "cname": N_(
        "Put the name of the channel the customer's users join there, as their acquire names it."
    ),
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

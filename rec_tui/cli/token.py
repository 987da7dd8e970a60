"""``rec-tui token``: decode, verify and build Agora RTC tokens; keep the App Certificate.

The token is a secret in rec-tui: ``decode`` prints what it says, never the token itself.
The App Certificate comes from ``AGORA_APP_CERTIFICATE`` or the keyring entry that
``rec-tui token certificate`` stores; it is never printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from rec_tui.cli import language
from rec_tui.cli.options import RawHelpFormatter, add_output_format
from rec_tui.i18n import N_, _, moment

if TYPE_CHECKING:
    from rec_tui.tokens import DecodedToken, ServiceGrant

DESCRIPTION = N_("""\
Read Agora RTC tokens (AccessToken2 "007…" and AccessToken "006…") and build new ones.

  decode TOKEN    what the token says: App ID, issue time, expiry, salt, services with
                  their privileges, and for RTC the channel and uid (no certificate needed)
  verify TOKEN    whether the App Certificate signed it (exit 0 valid, 1 invalid,
                  2 no certificate or unreadable token)
  build ...       an RTC AccessToken2 for the recorder, printed on standard output
                  (--sandbox: signed with the built-in sandbox's certificate for that
                  App ID, to replay a token failure and its fix offline)
  certificate     store the App Certificate in the keyring (read from standard input or a
                  hidden prompt), or --forget it

TOKEN may be - to read it from standard input (keeps it out of the shell's history).
The certificate comes from AGORA_APP_CERTIFICATE, else the keyring.
""")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "token",
        help=_("decode, verify or build an Agora RTC token"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    # prog given: argparse would lay out the usage to find it (importing shutil for the
    # terminal's width).
    actions = parser.add_subparsers(
        dest="token_action", metavar="ACTION", required=True, prog=parser.prog
    )

    decode = actions.add_parser("decode", help=_("show what a token says"))
    decode.add_argument("token", metavar="TOKEN", help=_("the token, or - for standard input"))
    add_output_format(decode)
    language.add_argument(decode, command=True)
    decode.set_defaults(handler=run_decode)

    verify = actions.add_parser("verify", help=_("check a token's signature"))
    verify.add_argument("token", metavar="TOKEN", help=_("the token, or - for standard input"))
    verify.add_argument("--channel", help=_("the channel name (needed for 006 tokens)"))
    verify.add_argument("--uid", help=_("the uid (needed for 006 tokens)"))
    language.add_argument(verify, command=True)
    verify.set_defaults(handler=run_verify)

    build = actions.add_parser("build", help=_("mint an RTC AccessToken2 for the recorder"))
    build.add_argument("--app-id", required=True, help=_("the App ID (32 hex characters)"))
    build.add_argument("--channel", required=True, help=_("the channel name (cname)"))
    build.add_argument("--uid", required=True, help=_("the recorder's uid (0 = any uid)"))
    build.add_argument(
        "--expire",
        type=int,
        default=86_400,
        metavar="SECONDS",
        help=_("how long the token is valid (default 86400, one day)"),
    )
    build.add_argument(
        "--role",
        choices=("publisher", "subscriber"),
        default="publisher",
        help=_("publisher also grants publishing (default); subscriber only joining"),
    )
    build.add_argument(
        "--sandbox",
        action="store_true",
        help=_(
            "sign with the sandbox's certificate for this App ID instead of the real one "
            "(the token then only works against the built-in sandbox)"
        ),
    )
    language.add_argument(build, command=True)
    build.set_defaults(handler=run_build)

    certificate = actions.add_parser(
        "certificate",
        help=_("store the App Certificate in the keyring, or forget it"),
    )
    certificate.add_argument("--forget", action="store_true", help=_("remove the stored one"))
    language.add_argument(certificate, command=True)
    certificate.set_defaults(handler=run_certificate)


def _read_token(argument: str) -> str:
    from rec_tui.cli import UsageError

    text = sys.stdin.read() if argument == "-" else argument
    if not text.strip():
        raise UsageError(_("no token given (standard input was empty)"))
    return text


def run_decode(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK
    from rec_tui.tokens import TokenError, decode_token

    try:
        token = decode_token(_read_token(args.token))
    except TokenError as error:
        said = _("cannot read the token: {error}.").format(error=error)
        print(f"rec-tui: {said}", file=sys.stderr)
        return EXIT_FAILED
    if args.output_format == "json":
        print(json.dumps(token.as_json(), indent=2))
    else:
        print("\n".join(describe(token, time.time())))
    return EXIT_OK


def describe(token: DecodedToken, now: float) -> list[str]:
    """The decoded token for people, its times judged at ``now``."""
    kind = "AccessToken2" if token.version == "007" else "AccessToken"
    lines = [
        f"{kind} ({token.version})",
        "  " + _("App ID:   {app_id}").format(app_id=token.app_id),
    ]
    if token.issued_at is not None:
        lines.append("  " + _("Issued:   {time}").format(time=moment(token.issued_at, utc=True)))
    lines.append("  " + _("Expires:  {time}").format(time=_until(token.expires_at, now)))
    lines.append("  " + _("Salt:     {salt}").format(salt=token.salt))
    for service in token.services:
        lines.extend(_describe_service(service, now))
    if token.version == "006":
        lines.append(
            "  "
            + _(
                "A 006 token holds only checksums of its channel and uid; "
                "`rec-tui token verify --channel C --uid U` checks them with the signature."
            )
        )
    return lines


def _describe_service(service: ServiceGrant, now: float) -> list[str]:
    lines = ["  " + _("Service {service}:").format(service=service.type)]
    if service.channel is not None:
        lines.append("    " + _("Channel:  {channel}").format(channel=service.channel))
    if service.uid is not None:
        uid = _("0 (any uid may join with it)") if service.uid_is_any else service.uid
        lines.append("    " + _("Uid:      {uid}").format(uid=uid))
    if service.account is not None:
        lines.append("    " + _("User:     {account}").format(account=service.account))
    for privilege in service.privileges:
        # The privilege's name is Agora's (joinChannel, publishAudioStream, …).
        lines.append(f"    {privilege.name}: {_until(privilege.expires_at, now)}")
    if not service.privileges:
        lines.append("    " + _("(no privileges)"))
    return lines


def _until(at: int | None, now: float) -> str:
    if at is None:
        return _("never")
    if now >= at:
        return _("{time} (expired)").format(time=moment(at, utc=True))
    return _("{time} (valid)").format(time=moment(at, utc=True))


def _certificate() -> str | None:
    from rec_tui.store.secrets import MemoryStore, SecretStoreError, app_certificate, open_store

    found = app_certificate(MemoryStore())
    if found:
        return found
    try:
        return app_certificate(open_store().store, environ={})
    except SecretStoreError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return None


_NO_CERTIFICATE = N_(
    "no App Certificate: set AGORA_APP_CERTIFICATE, or store it with "
    "`rec-tui token certificate` (it is read from standard input)."
)


def run_verify(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED
    from rec_tui.tokens import TokenError, verify_token

    text = _read_token(args.token)
    certificate = _certificate()
    if certificate is None:
        print(f"rec-tui: {_(_NO_CERTIFICATE)}", file=sys.stderr)
        return EXIT_FAILED
    try:
        valid = verify_token(text, certificate, channel=args.channel, uid=args.uid)
    except TokenError as error:
        said = _("cannot check the token: {error}.").format(error=error)
        print(f"rec-tui: {said}", file=sys.stderr)
        return EXIT_FAILED
    if valid:
        print(_("Valid: the App Certificate signed this token."))
        return EXIT_OK
    if args.channel is not None:
        print(
            _(
                "Invalid: this token was not signed with the App Certificate for that channel "
                "and uid. It was built with another certificate or project, or changed since."
            )
        )
    else:
        print(
            _(
                "Invalid: this token was not signed with the App Certificate. It was built "
                "with another certificate or project, or changed since."
            )
        )
    return EXIT_REFUSED


def run_build(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK
    from rec_tui.request.token_identity import refuse_unjoinable
    from rec_tui.tokens import TokenError, build_rtc_token, decode_token

    certificate = _sandbox_certificate(args.app_id) if args.sandbox else _certificate()
    if certificate is None:
        print(f"rec-tui: {_(_NO_CERTIFICATE)}", file=sys.stderr)
        return EXIT_FAILED
    try:
        refuse_unjoinable(args.channel, args.uid)
        token = build_rtc_token(
            args.app_id,
            certificate,
            args.channel,
            args.uid,
            expire=args.expire,
            publisher=args.role == "publisher",
        )
    except TokenError as error:
        said = _("cannot build the token: {error}.").format(error=error)
        print(f"rec-tui: {said}", file=sys.stderr)
        return EXIT_FAILED
    print(token)
    print("\n".join(describe(decode_token(token), time.time())), file=sys.stderr)
    return EXIT_OK


def _sandbox_certificate(app_id: str) -> str:
    """The certificate the built-in sandbox gives ``app_id`` (not a secret: derived)."""
    from rec_tui.sandbox.scenarios import sandbox_certificate

    return sandbox_certificate(app_id)


def run_certificate(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, UsageError
    from rec_tui.store.secrets import (
        SecretStoreError,
        forget_app_certificate,
        open_store,
        store_app_certificate,
    )

    opened = open_store()
    try:
        if args.forget:
            forget_app_certificate(opened.store)
            print(_("The App Certificate was removed from the keyring."))
            return EXIT_OK
        if not opened.store.persistent:
            said = _("{notice} Set AGORA_APP_CERTIFICATE instead.").format(notice=opened.notice)
            print(f"rec-tui: {said}", file=sys.stderr)
            return EXIT_FAILED
        value = _read_secret(_("App Certificate: ")).strip()
        if len(value) != 32 or any(c not in "0123456789abcdefABCDEF" for c in value):
            raise UsageError(
                _("an App Certificate is 32 hexadecimal characters; nothing was stored")
            )
        store_app_certificate(opened.store, value)
    except SecretStoreError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(
        _("The App Certificate is stored in the keyring ({backend}).").format(
            backend=opened.backend_name
        )
    )
    return EXIT_OK


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline()

"""Import what customers send: a JSON ``start`` body, a curl command, a log line or a whole
ticket, all the same way.

The result is the body with every key kept as sent, in the customer's order (unknown keys
included: the validator flags them), its mode (from the URL, else inferred and explained),
and what the input said about the request as information: the customer's host and App
ID, resource ID, sid, and the customer credentials of Basic auth. The input is data: no
variable is filled in from this machine, no local file is read, and it never chooses
where requests go. Credentials are never stored here: :func:`settle_credentials` stores
them only when the user agreed, and drops them with a notice otherwise.

One module per kind of input: :mod:`.detect` recognises the kind and hands the text on to
:mod:`.json_body`, :mod:`.curl`, :mod:`.log_line` or :mod:`.ticket`; :mod:`.url` reads
Cloud Recording URLs, :mod:`.references` points out shell variables, :mod:`.json_scan`
finds JSON in free text in linear time.
"""

from rec_tui.formats.importers.credentials import settle_credentials
from rec_tui.formats.importers.detect import import_file, import_file_text, import_text
from rec_tui.formats.importers.result import ImportProblem, ImportResult, Kind

__all__ = [
    "ImportProblem",
    "ImportResult",
    "Kind",
    "import_file",
    "import_file_text",
    "import_text",
    "settle_credentials",
]

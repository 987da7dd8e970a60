"""Import what customers send: a JSON ``start`` body, a curl command, or text with a body in it.

The result is a body with every key kept as sent (unknown keys included: the validator
flags them), plus whatever the input said about the request: mode, App ID, resource ID,
sid, endpoint and the customer credentials of Basic auth. Credentials are never stored
here: :func:`settle_credentials` stores them only when the user agreed, and drops them
with a notice otherwise.

One module per kind of input: :mod:`.detect` recognises the kind and hands the text on to
:mod:`.json_body`, :mod:`.curl` or :mod:`.log_line`; :mod:`.url` reads Cloud Recording URLs.
"""

from rec_tui.formats.importers.credentials import settle_credentials
from rec_tui.formats.importers.detect import import_file, import_text
from rec_tui.formats.importers.result import ImportProblem, ImportResult, Kind

__all__ = [
    "ImportProblem",
    "ImportResult",
    "Kind",
    "import_file",
    "import_text",
    "settle_credentials",
]

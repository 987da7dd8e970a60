"""rec-tui: compose, check and send Agora Cloud Recording requests."""

__version__ = "0.1.0"

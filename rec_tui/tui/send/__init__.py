"""The Send panel's parts: the session settings it edits and the credentials it uses.

The panel itself (the calls, the running recordings, the client) is rec_tui/tui/send_panel.py.
"""

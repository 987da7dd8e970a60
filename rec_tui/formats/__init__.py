"""Text in and out: JSON files, importers (JSON, curl, log lines) and exporters."""

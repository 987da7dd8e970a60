"""The request: the draft being edited, validation, the JSON Schema, endpoints and redaction."""

"""One controller per concern the app hands work to: files, sending, commands."""

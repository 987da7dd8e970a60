"""Modal screens and dialogs shown over the wizard."""

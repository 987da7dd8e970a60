"""What rec-tui keeps: file locations, secrets in the keyring, presets and the history."""

"""rec-tui's tests, laid out like the package they test."""

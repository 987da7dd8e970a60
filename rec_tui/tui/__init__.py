"""The Textual wizard. Only this package imports Textual; the core never does."""

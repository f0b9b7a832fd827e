"""Pure-Python domain: documents, extractions, field paths and errors users can cause."""

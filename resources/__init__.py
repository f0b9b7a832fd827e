"""Data files shipped with imr_desk: bundled sample letters, templates, icons."""

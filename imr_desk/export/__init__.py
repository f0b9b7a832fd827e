"""The Final Determination letter as a DOCX, from the office's template."""

"""Command-line faces over the services."""

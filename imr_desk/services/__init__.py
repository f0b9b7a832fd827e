"""Use cases shared by the command line and the GUI: import, edit, status, export…"""

"""The Qt workstation: models over the services, widgets, undo commands, workers.

Qt is imported only here and in imr_desk/app.py.
"""

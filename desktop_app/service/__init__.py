"""The per-machine service and what sessions ask of it (Qt-free).

``actions`` holds the guardian's actions, used by the console, the arrival window, the CLI
and the service's request handlers alike.
"""

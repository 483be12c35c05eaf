"""The per-machine service: owns the data a child must not change, answers sessions over a socket.

Qt-free. ``protocol`` and ``client`` use only the standard library, so a session's client
can be used without the rest of SafeLens; ``actions`` holds the guardian's actions, used by
the console, the arrival window, the CLI and the service's request handlers alike.
"""

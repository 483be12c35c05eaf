"""The windows a child and a guardian see, and the tray agent: the only package that imports
PySide6 (Qt)."""

"""The help screens a child sees, driven only by safety.flow."""

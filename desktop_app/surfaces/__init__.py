"""Where content comes in: share folders, contact photos, the quarantine and the background
agent's heartbeat and autostart. Qt-free."""

"""Qt-free: what happens when something is sensitive (see issue 4)."""

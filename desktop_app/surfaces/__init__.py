"""Qt-free: where content comes in (see issue 5)."""

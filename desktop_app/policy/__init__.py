"""Qt-free: who is protected, how strongly, and who may change it (see issue 3)."""

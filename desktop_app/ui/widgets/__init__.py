"""Widgets that show content only after it has been checked."""

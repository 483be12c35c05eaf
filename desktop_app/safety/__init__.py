"""What happens when something is sensitive: the help screens' flow, the help resources,
the event counts and the OS log. Qt-free."""

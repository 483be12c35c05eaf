"""Who is protected, how strongly, and who may change it: profiles, settings, managed
policy, the guardian's PIN and remembered approvals. Qt-free."""

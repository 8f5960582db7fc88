"""Git: the one hardened runner every call goes through, revisions, history and file changes."""

"""SPEC's exit codes."""

OK = 0
RULES_FAILED = 1  # a fail_on rule fired
INVALID = 2  # the records or the command line are invalid; nothing was evaluated
INTERNAL = 3  # a bug
INTERRUPTED = 130

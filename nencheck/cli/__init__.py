"""The command line: click options, dispatch, rendering choice and the one error boundary."""

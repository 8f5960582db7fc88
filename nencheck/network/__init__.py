"""One view over the compliance repositories of many organisations: network.yaml, its members
(paths or git URLs), evaluating each in its own process, totals and mirror statistics."""

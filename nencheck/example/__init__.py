"""Data of the example organisation that its records do not hold: earlier risk assessments
(past-risks.yaml), replayed by ``nencheck init --example`` (store/write/example.py). In a built
wheel, ``org/`` beside this file holds the example's records themselves (see setup.py)."""

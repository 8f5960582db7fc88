"""The Kennisbank: a static website of the policy register for all staff, built from the records."""

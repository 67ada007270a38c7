"""clean stage of newsgraph."""

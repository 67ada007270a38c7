"""runner stage of newsgraph."""

"""resolve stage of newsgraph."""

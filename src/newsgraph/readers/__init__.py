"""readers stage of newsgraph."""

"""web stage of newsgraph."""

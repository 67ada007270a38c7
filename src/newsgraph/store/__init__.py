"""store stage of newsgraph."""

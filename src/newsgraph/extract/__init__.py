"""extract stage of newsgraph."""

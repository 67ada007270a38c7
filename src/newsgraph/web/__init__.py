"""The web app: HTML pages and a JSON API over a store, read-only (``newsgraph serve``).

``newsgraph.web.app.create_app(db_path)`` builds the FastAPI app; ``newsgraph.web.queries`` holds
the reads that every page and its JSON twin share."""

"""Printed documents: PDF pages, charts (matplotlib Figure API) and pypdf assembly."""

"""Interactive network pages (pyvis / vis-network, served offline) and the analytics endpoints."""

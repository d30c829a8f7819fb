"""ratsgraph: a knowledge graph of a city council, with the evidence behind every fact."""

__version__ = "0.1.0"

"""karabakh: a command-line fact explorer for Wikipedia war articles."""

__version__ = "0.1.0"

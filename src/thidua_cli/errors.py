"""One family of exceptions for unusable input; bad *data* is a report, never an exception."""


class ThiduaError(Exception):
    """Input the tool cannot work with at all (a bad option, an unreadable catalogue)."""

    exit_code = 2


class UsageError(ThiduaError):
    """A command-line value that does not parse (years, dimensions, formats)."""


class CatalogueError(ThiduaError):
    """A user's catalogue file that cannot be read or is not in the documented form."""

"""One family of exceptions for unusable input; bad *data* is a report, never an exception."""


class ThiduaError(Exception):
    """Input the tool cannot work with at all (a bad option, an unreadable catalogue)."""

    exit_code = 2

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__(message)
        self.english = english

    def message(self, lang: str = "vi") -> str:
        """The message in `lang` (English when it was given one, else the Vietnamese)."""
        return self.english if lang == "en" and self.english else str(self)


class UsageError(ThiduaError):
    """A command-line value that does not parse (years, dimensions, formats)."""


class CatalogueError(ThiduaError):
    """A user's catalogue file that cannot be read or is not in the documented form."""

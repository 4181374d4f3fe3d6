"""`python -m thidua_cli`."""

from thidua_cli.cli import main

main()

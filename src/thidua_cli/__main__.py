"""`python -m thidua_cli`."""

from thidua_cli.cli import main

if __name__ == "__main__":  # a worker started by spawn imports this module again: it must not run the CLI
    main()
